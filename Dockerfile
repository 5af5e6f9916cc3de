# Builds taskvault and runs it as a server (no interactive shell) against the MongoDB named by SPRING_DATA_MONGODB_URI.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src src
COPY templates templates
COPY static static
RUN mvn -B -q -DskipTests package

FROM eclipse-temurin:17-jre
WORKDIR /app
COPY --from=build /src/target/taskvault.jar /app/taskvault.jar
ENV SPRING_SHELL_INTERACTIVE_ENABLED=false
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/taskvault.jar"]

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
# why: docker-compose.yml's health check asks the readiness probe with curl
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /src/target/taskvault.jar /tmp/taskvault.jar
# why: class-data sharing archives classes only from plain jars on the class path, not from jars nested in the
# executable jar: extracted, this is /app/taskvault.jar and its dependencies in /app/lib
RUN java -Djarmode=tools -jar /tmp/taskvault.jar extract --destination /app && rm /tmp/taskvault.jar
# The training run: starts the application once, on a scratch embedded store, with every bean made at once (a
# server makes some only after ready or at first use), stops it once its context is refreshed, and writes every class
# it loaded to the archive that each start of the container then maps (the launcher's server archive is made alike).
RUN java -XX:ArchiveClassesAtExit=/app/taskvault.jsa -Dspring.context.exit=onRefresh -Dspring.main.lazy-initialization=false \
        -Dtaskvault.store.path=/tmp/cds-training/taskvault.mv -jar /app/taskvault.jar \
    && rm -rf /tmp/cds-training
ENV SPRING_SHELL_INTERACTIVE_ENABLED=false
EXPOSE 8080
ENTRYPOINT ["java", "-XX:SharedArchiveFile=/app/taskvault.jsa", "-jar", "/app/taskvault.jar"]

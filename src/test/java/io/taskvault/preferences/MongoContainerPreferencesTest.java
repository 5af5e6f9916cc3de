package io.taskvault.preferences;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.mongodb.MongoDBContainer;

import io.taskvault.support.DockerAvailable;

/** The preferences contract on a real MongoDB (Testcontainers), where a Docker engine is present. */
@DockerAvailable
@SpringBootTest(properties = "spring.shell.interactive.enabled=false")
class MongoContainerPreferencesTest extends PreferencesContract {

    static final MongoDBContainer MONGO = new MongoDBContainer("mongo:8.0");

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        MONGO.start();
        registry.add("spring.data.mongodb.uri", () -> MONGO.getReplicaSetUrl("taskvault"));
    }
}

package io.taskvault.task;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.taskvault.support.DockerAvailable;

/** The statistics' counters on a real MongoDB (Testcontainers), where a Docker engine is present. */
@DockerAvailable
@SpringBootTest(properties = "spring.shell.interactive.enabled=false")
class MongoContainerStatisticsCountersTest extends StatisticsCountersContract {

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        MongoContainerTaskServiceTest.MONGO.start();
        registry.add("spring.data.mongodb.uri", () -> MongoContainerTaskServiceTest.MONGO.getReplicaSetUrl("taskvault"));
    }
}

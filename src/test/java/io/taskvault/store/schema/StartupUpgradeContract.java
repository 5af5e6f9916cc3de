package io.taskvault.store.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import io.taskvault.task.TaskService;

abstract class StartupUpgradeContract {

    @Autowired
    BatchUpgrade upgrade;
    @Autowired
    SchemaCensus census;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    TaskService service;

    @Test
    void upgradesOldDocumentsInTheBackgroundWhileTheyStayReadable() {
        Fixtures.wipe(mongo);
        Fixtures.allowKeylessTasks(mongo);
        Fixtures.insert(mongo, "tasks", "schema/tasks-v1.json");

        //why: the tests' application leaves the start-up upgrade off (taskvault.schema.upgrade-on-start=false) so
        //    other tests' old documents stay old; this one is what the application builds with it on
        new StartupUpgrade(upgrade, new SchemaProperties(true, 100, 1), new org.springframework.core.task.SimpleAsyncTaskExecutor())
                .upgradeInBackground();

        assertThat(service.get("TASK-002-001").getTitle()).isEqualTo("Write the release notes");
        Awaitility.await().atMost(Duration.ofMinutes(2))
                .untilAsserted(() -> assertThat(census.count("tasks").remaining()).isZero());
        assertThat(service.get("TASK-002-001").getKey()).startsWith("TV-");
    }
}

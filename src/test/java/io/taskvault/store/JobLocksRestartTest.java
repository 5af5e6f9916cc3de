package io.taskvault.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

import io.taskvault.TaskvaultApplication;

/** A job lock a process of the embedded store died holding does not outlive it: the next process releases it. */
class JobLocksRestartTest {

    @TempDir
    Path folder;

    @Test
    void theNextProcessOfTheEmbeddedStoreReleasesALockLeftHeld() {
        try (ConfigurableApplicationContext first = start()) {
            //why: as a process killed mid-run leaves it: held for hours, by a process that is gone
            first.getBean(MongoTemplate.class).getCollection(JobLocks.COLLECTION).insertOne(new Document("_id", "nightly")
                    .append("lockUntil", Date.from(Instant.now().plus(Duration.ofHours(6))))
                    .append("lockedAt", new Date()).append("lockedBy", "a process that died"));
            assertThat(first.getBean(JobLocks.class).once("nightly", Duration.ofMinutes(1), Duration.ZERO, () -> "ran"))
                    .as("held while its holder may be alive").isEmpty();
        }
        try (ConfigurableApplicationContext second = start()) {
            Optional<String> ran = second.getBean(JobLocks.class).once("nightly", Duration.ofMinutes(1), Duration.ZERO,
                    () -> "ran");

            assertThat(ran).contains("ran");
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(TaskvaultApplication.class).web(WebApplicationType.NONE)
                .properties("spring.shell.interactive.enabled=false",
                        "taskvault.store.path=" + folder.resolve("taskvault.mv"), "taskvault.store.cache-size-mb=32")
                .run();
    }
}

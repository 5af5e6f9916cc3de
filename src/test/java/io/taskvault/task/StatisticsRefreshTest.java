package io.taskvault.task;

import static io.taskvault.support.TaskDrafts.aTask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.taskvault.support.EmbeddedStoreTest;

/** While somebody reads statistics, changes are counted in the background: the next reader finds them counted. */
@EmbeddedStoreTest
class StatisticsRefreshTest {

    @Autowired
    TaskService tasks;

    @Autowired
    StatisticsCache cache;

    @Test
    void aChangeIsCountedWithinASecondWithoutAnyReaderPayingForIt() {
        java.time.Instant settled = java.time.Instant.now();
        long before = await().atMost(Duration.ofSeconds(5))
                .until(tasks::statistics, s -> !s.countedAt().isBefore(settled)).total();

        tasks.create(aTask().withRole("counted-in-background").build(), "alice");

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            TaskStatistics counted = cache.lastCounted();
            assertThat(counted.total()).isEqualTo(before + 1);
            assertThat(counted.byRole()).containsEntry("counted-in-background", 1L);
        });
    }
}

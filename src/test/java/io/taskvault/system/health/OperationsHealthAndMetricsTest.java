package io.taskvault.system.health;

import static io.taskvault.support.TaskDrafts.aTask;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

import io.micrometer.core.instrument.MeterRegistry;
import io.taskvault.archive.ArchivalHealthIndicator;
import io.taskvault.backup.BackupHealthIndicator;
import io.taskvault.store.StoreHealthIndicator;
import io.taskvault.archive.ArchivalJob;
import io.taskvault.backup.BackupInfo;
import io.taskvault.backup.Backups;
import io.taskvault.recovery.LeaseRecovery;
import io.taskvault.recovery.MovableClock;
import io.taskvault.recovery.OpsTest;
import io.taskvault.task.Task;
import io.taskvault.task.TaskService;
import io.taskvault.task.TaskState;

@OpsTest
class OperationsHealthAndMetricsTest {

    @Autowired
    TaskService tasks;
    @Autowired
    Backups backups;
    @Autowired
    ArchivalJob archival;
    @Autowired
    LeaseRecovery recovery;
    @Autowired
    MeterRegistry registry;
    @Autowired
    MovableClock clock;
    @Autowired
    StoreHealthIndicator store;
    @Autowired
    BackupHealthIndicator backup;
    @Autowired
    ArchivalHealthIndicator archivalHealth;

    @Autowired
    org.springframework.boot.health.actuate.endpoint.HealthEndpoint endpoint;

    @Test
    void backgroundWorkRunsOnSpringExecutorsThatActuatorMeasures() {
        assertThat(registry.find("executor.pool.max").gauges()).extracting(gauge -> gauge.getId().getTag("name"))
                .contains("applicationTaskExecutor", "archivalTaskExecutor", "schemaUpgradeTaskExecutor",
                        "eventStreamScheduler");
        //why: each pool keeps the size its job is configured with (taskvault.archival.threads, taskvault.schema.writers)
        assertThat(registry.get("executor.pool.max").tag("name", "archivalTaskExecutor").gauge().value()).isEqualTo(4);
        assertThat(registry.get("executor.pool.max").tag("name", "schemaUpgradeTaskExecutor").gauge().value())
                .isEqualTo(1);
    }

    @Test
    void theApplicationIsUpOnAHealthyEmbeddedStore() {
        assertThat(endpoint.health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void theStoreIsDownWhenItDoesNotAnswer() {
        try (com.mongodb.client.MongoClient client = com.mongodb.client.MongoClients.create(
                "mongodb://127.0.0.1:1/?serverSelectionTimeoutMS=300&connectTimeoutMS=300")) {
            StoreHealthIndicator unreachable = new StoreHealthIndicator(
                    new org.springframework.data.mongodb.core.MongoTemplate(client, "taskvault"),
                    org.mockito.Mockito.mock(io.taskvault.store.StoreInfo.class));

            assertThat(unreachable.health().getStatus()).isEqualTo(Status.DOWN);
        }
    }

    @Test
    void theStoreIsUpWhenItAnswers() {
        Health health = store.health();

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsKeys("engine", "dataFileBytes");
    }

    @Test
    void backupHealthTellsTheNewestBackupsAgeAndTurnsUnknownWhenItIsStale() {
        clock.advance(Duration.ofSeconds(1));
        BackupInfo created = backups.create();

        assertThat(backup.health().getStatus()).isEqualTo(Status.UP);
        assertThat(backup.health().getDetails()).containsEntry("latest", created.name());

        clock.advance(Duration.ofDays(3));
        assertThat(backup.health().getStatus()).isEqualTo(Status.UNKNOWN);
        assertThat(backup.health().getDetails()).containsEntry("stale", true);
    }

    @Test
    void archivalHealthShowsTheLastResultAndNextRun() {
        archival.run(false);

        Health health = archivalHealth.health();

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsKeys("nextRun", "lastResult");
        assertThat(registry.find("taskvault.archival").timer()).isNotNull();
    }

    @Test
    void countsTransitionsWriteLatencyAndTasksByState() {
        double before = transitions("PENDING", "QUEUED");
        Task task = tasks.create(aTask().build(), "test");
        tasks.transition(task.getId(), TaskState.QUEUED, "test", "queued");

        assertThat(transitions("PENDING", "QUEUED")).isEqualTo(before + 1);
        assertThat(registry.get("taskvault.task.writes").tag("operation", "create").tag("outcome", "success").timer()
                .count()).isPositive();
        assertThat(registry.get("taskvault.tasks").tag("state", "QUEUED").gauge().value()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void timesRecoveryPasses() {
        long before = registry.find("taskvault.recovery").timer() == null ? 0
                : registry.find("taskvault.recovery").timer().count();

        recovery.recover();

        assertThat(registry.get("taskvault.recovery").timer().count()).isEqualTo(before + 1);
    }

    private double transitions(String from, String to) {
        var counter = registry.find("taskvault.transitions").tag("from", from).tag("to", to).counter();
        return counter == null ? 0 : counter.count();
    }
}

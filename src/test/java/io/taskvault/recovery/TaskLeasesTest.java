package io.taskvault.recovery;

import static io.taskvault.support.TaskDrafts.aTask;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.stream.IntStream;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

import io.taskvault.store.StoreChanges;
import io.taskvault.task.Task;
import io.taskvault.task.TaskService;
import io.taskvault.task.TaskState;

/** The lease index: kept in step with RUNNING tasks, only a hint (fresh state decides), rebuilt when distrusted. */
@OpsTest
class TaskLeasesTest {

    @Autowired
    TaskService tasks;
    @Autowired
    TaskLeases leases;
    @Autowired
    LeaseRecovery recovery;
    @Autowired
    MovableClock clock;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    StoreChanges changes;

    private Task running() {
        Task task = tasks.create(aTask().build(), "test");
        tasks.transition(task.getId(), TaskState.QUEUED, "test", "queued");
        return tasks.transition(task.getId(), TaskState.RUNNING, "worker", "started");
    }

    private Date builtAt() {
        return mongo.getCollection(TaskLeases.COLLECTION).find(Filters.eq("_id", TaskLeases.MARKER)).first()
                .getDate("builtAt");
    }

    private Document lease(Task task) {
        return mongo.getCollection(TaskLeases.COLLECTION).find(Filters.eq("_id", task.getId())).first();
    }

    @Test
    void aTaskHasALeaseWhileItRunsAndNoneAfter() {
        Task task = running();

        assertThat(lease(task)).isNotNull();
        assertThat(lease(task).getInteger("schemaVersion")).isEqualTo(TaskLeases.SCHEMA_VERSION);
        assertThat(lease(task).getDate("lastSeen").toInstant()).isEqualTo(task.getUpdatedAt());

        tasks.transition(task.getId(), TaskState.COMPLETED, "worker", "done");

        assertThat(lease(task)).isNull();
    }

    @Test
    void anOutdatedLeaseDoesNotInterruptATaskThatIsStillAlive() {
        Task task = running();
        mongo.getCollection(TaskLeases.COLLECTION).updateOne(Filters.eq("_id", task.getId()),
                Updates.set("lastSeen", Date.from(clock.instant().minus(Duration.ofDays(1)))));

        RecoveryReport report = recovery.recover();

        assertThat(report.interrupted()).doesNotContain(task.getKey());
        assertThat(tasks.get(task.getId()).getState()).isEqualTo(TaskState.RUNNING);
        assertThat(lease(task).getDate("lastSeen").toInstant()).isEqualTo(task.getUpdatedAt());
    }

    @Test
    void aLostLeaseIsFoundAgainByTheFullScanOnceTheIndexIsDistrusted() {
        Task task = running();
        mongo.getCollection(TaskLeases.COLLECTION).deleteOne(Filters.eq("_id", task.getId()));
        clock.advance(Duration.ofMinutes(11));
        assertThat(recovery.recover().interrupted()).as("a trusted index is believed").doesNotContain(task.getKey());

        leases.distrust();
        RecoveryReport report = recovery.recover();

        assertThat(report.interrupted()).contains(task.getKey());
        assertThat(leases.trusted()).isTrue();
        assertThat(tasks.get(task.getId()).getState()).isEqualTo(TaskState.INTERRUPTED);
        assertThat(lease(task)).isNull();
    }

    @Test
    void afterAnUncleanShutdownStartUpJudgesTheStoredLeasesAndTheFullRebuildFollowsOnceReady() {
        Task withLease = running();
        Task lost = running();
        mongo.getCollection(TaskLeases.COLLECTION).deleteOne(Filters.eq("_id", lost.getId()));
        clock.advance(Duration.ofMinutes(11));
        leases.distrust();

        recovery.onStart();

        assertThat(recovery.startupReport().orElseThrow().interrupted()).as("start-up does not wait for the full scan")
                .contains(withLease.getKey()).doesNotContain(lost.getKey());
        assertThat(leases.trusted()).isFalse();

        recovery.afterReady();

        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(recovery.lastReport().orElseThrow().interrupted()).contains(lost.getKey()));
        assertThat(tasks.get(lost.getId()).getState()).isEqualTo(TaskState.INTERRUPTED);
        assertThat(leases.trusted()).isTrue();
    }

    @Test
    void aRunningTaskWrittenBehindTheServicesBackIsPickedUp() {
        Task task = running();
        tasks.transition(task.getId(), TaskState.INTERRUPTED, "test", "paused");
        assertThat(lease(task)).isNull();
        //why: as an import or another tool would: the store reports the write, no TaskChanged follows
        mongo.getCollection(Task.COLLECTION).updateOne(Filters.eq("_id", task.getId()), Updates.set("state", "RUNNING"));
        clock.advance(Duration.ofMinutes(11));

        RecoveryReport report = recovery.recover();

        assertThat(report.interrupted()).contains(task.getKey());
        assertThat(tasks.get(task.getId()).getState()).isEqualTo(TaskState.INTERRUPTED);
    }

    @Test
    void aTaskDeletedBehindTheServicesBackLosesItsLeaseWithoutAFullScan() {
        Task task = running();
        recovery.recover();
        Date built = builtAt();
        //why: as archival's removal does: the store reports the delete, no TaskChanged follows
        mongo.getCollection(Task.COLLECTION).deleteOne(Filters.eq("_id", task.getId()));

        recovery.recover();

        assertThat(lease(task)).isNull();
        assertThat(leases.trusted()).isTrue();
        assertThat(builtAt()).as("caught up, not rebuilt").isEqualTo(built);
    }

    @Test
    void moreUnseenWritesThanAFullScanWouldReadDistrustTheIndex() {
        int limit = TaskLeases.unseenLimit(0);
        List<Object> ids = IntStream.rangeClosed(0, limit).<Object>mapToObj(i -> "unseen-" + i).toList();

        changes.written(Task.COLLECTION, ids);
        assertThat(leases.trusted()).as("%d unseen ids are still caught up", ids.size()).isTrue();
        changes.written(Task.COLLECTION, List.of("one-more"));

        assertThat(leases.trusted()).isFalse();
        recovery.recover();
        assertThat(leases.trusted()).isTrue();
    }

    @Test
    void theUnseenLimitGrowsWithTheRunningTasksAFullScanWouldRead() {
        assertThat(TaskLeases.unseenLimit(100)).isEqualTo(TaskLeases.MIN_UNSEEN_LIMIT);
        assertThat(TaskLeases.unseenLimit(150_000)).isEqualTo(150_000);
    }
}

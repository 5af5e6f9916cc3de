package io.taskvault.archive;

import static io.taskvault.support.TaskDrafts.aTask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doCallRealMethod;
import static org.mockito.Mockito.doThrow;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.taskvault.recovery.MovableClock;
import io.taskvault.recovery.OpsTest;
import io.taskvault.task.Task;
import io.taskvault.task.TaskNotFoundException;
import io.taskvault.task.TaskQuery;
import io.taskvault.task.TaskService;
import io.taskvault.task.TaskState;
import io.taskvault.task.history.EventType;
import io.taskvault.task.history.HistoryEvent;
import io.taskvault.task.output.OutputDraft;
import io.taskvault.task.output.OutputType;
import io.taskvault.task.output.TaskOutput;

@OpsTest
class ArchivalJobTest {

    private static final Duration RETENTION = Duration.ofDays(90);

    @Autowired
    TaskService tasks;
    @Autowired
    ArchivalJob job;
    @Autowired
    Archive archive;
    @Autowired
    ArchiveStore store;
    @Autowired
    MovableClock clock;
    @Autowired
    org.springframework.data.mongodb.core.MongoTemplate mongo;

    @BeforeEach
    void archiveWhatEarlierTestsLeftOld() {
        clock.advance(RETENTION.plusDays(1));
        job.run(false);
    }

    private Task finished(TaskState end) {
        Task task = tasks.create(aTask().withTags("archival").build(), "test");
        if (end == TaskState.CANCELLED) {
            return tasks.transition(task.getId(), TaskState.CANCELLED, "test", "not needed");
        }
        tasks.transition(task.getId(), TaskState.QUEUED, "test", "queued");
        tasks.transition(task.getId(), TaskState.RUNNING, "test", "started");
        return tasks.transition(task.getId(), end, "test", "done");
    }

    @Test
    void archivesExactlyTheFinishedTasksOlderThanTheRetention() {
        Task old = finished(TaskState.COMPLETED);
        Task oldCancelled = finished(TaskState.CANCELLED);
        Task stillRunning = tasks.create(aTask().build(), "test");
        tasks.transition(stillRunning.getId(), TaskState.QUEUED, "test", "queued");
        clock.advance(Duration.ofSeconds(1));
        Task atTheBoundary = finished(TaskState.FAILED);
        long archivedBefore = archive.counters().total();
        clock.advance(RETENTION);

        ArchivalReport report = job.run(false);

        assertThat(report.archived()).contains(old.getKey(), oldCancelled.getKey())
                .doesNotContain(atTheBoundary.getKey(), stillRunning.getKey());
        assertThat(report.succeeded()).isTrue();
        assertThat(tasks.find(old.getId())).isEmpty();
        assertThat(tasks.get(atTheBoundary.getId()).getState()).isEqualTo(TaskState.FAILED);
        ArchivedTask entry = archive.find(old.getKey());
        assertThat(entry.stateBefore()).isEqualTo(TaskState.COMPLETED);
        assertThat(entry.archivedAt()).isNotNull();
        assertThat(archive.verify(old.getKey()).intact()).isTrue();
        assertThat(archive.search(oldCancelled.getKey(), 10)).extracting(ArchivedTask::key).containsExactly(oldCancelled.getKey());
        assertThat(archive.counters().total() - archivedBefore).isEqualTo(report.archived().size());
        assertThat(report.bytesSaved()).isPositive();
    }

    @Test
    void statisticsStayRightAfterTasksMoveToTheArchive() {
        Task done = finished(TaskState.COMPLETED);
        java.time.Instant written = java.time.Instant.now();
        //why: statistics may be up to a second old; the comparison needs a count that holds every write above
        io.taskvault.task.TaskStatistics before = org.awaitility.Awaitility.await()
                .until(tasks::statistics, s -> !s.countedAt().isBefore(written));
        clock.advance(RETENTION.plusDays(1));

        job.run(false);

        org.awaitility.Awaitility.await().untilAsserted(() -> {
            io.taskvault.task.TaskStatistics after = tasks.statistics();
            assertThat(after.total()).isEqualTo(before.total());
            assertThat(after.byState().get(TaskState.ARCHIVED))
                    .isEqualTo(before.byState().get(TaskState.ARCHIVED) + 1);
            assertThat(after.byRole()).isEqualTo(before.byRole());
            assertThat(after.completionRate()).isEqualTo(before.completionRate());
        });
        assertThat(tasks.find(done.getId())).isEmpty();
    }

    @Test
    void findsAnArchivedTaskByIdOrKeyThroughTheArchivesIndexes() {
        Task task = finished(TaskState.COMPLETED);
        clock.advance(RETENTION.plusDays(1));
        job.run(false);

        assertThat(archive.find(task.getKey()).id()).isEqualTo(task.getId());
        assertThat(archive.find(" " + task.getId() + " ").key()).isEqualTo(task.getKey());
        assertThatThrownBy(() -> archive.find("TV-no-such")).isInstanceOf(TaskNotFoundException.class)
                .hasMessageContaining("TV-no-such");
        assertThat(mongo.getCollection(ArchiveStore.COLLECTION).listIndexes().into(new java.util.ArrayList<>()))
                .anySatisfy(index -> {
                    assertThat(index.get("key", org.bson.Document.class)).containsOnlyKeys("key");
                    assertThat(index.getBoolean("unique")).isTrue();
                });
    }

    @Test
    void aDryRunOnlyReports() {
        Task old = finished(TaskState.COMPLETED);
        clock.advance(RETENTION.plusDays(1));

        ArchivalReport report = job.run(true);

        assertThat(report.archived()).contains(old.getKey());
        assertThat(tasks.get(old.getId()).getState()).isEqualTo(TaskState.COMPLETED);
    }

    @Test
    void resumesAfterAFailureInTheMiddleOfABatch() {
        List<Task> five = IntStream.range(0, 5).mapToObj(i -> finished(TaskState.COMPLETED)).toList();
        long archivedBefore = archive.counters().total();
        clock.advance(RETENTION.plusDays(1));
        doCallRealMethod().doCallRealMethod().doThrow(new IllegalStateException("disk full")).doCallRealMethod()
                .when(store).save(any(), any());

        ArchivalReport failed = job.run(false);

        assertThat(failed.error()).isEqualTo("disk full");
        assertThat(failed.archived()).as("the batch's other moves still finish").hasSize(4);
        assertThat(five).filteredOn(t -> tasks.find(t.getId()).map(f -> f.getState() == TaskState.ARCHIVED).orElse(false))
                .as("the task whose bundle failed stays ARCHIVED in the hot collection").hasSize(1);

        ArchivalReport resumed = job.run(false);

        assertThat(resumed.resumed()).isEqualTo(1);
        assertThat(resumed.archived()).isEmpty();
        for (Task task : five) {
            assertThat(tasks.find(task.getId())).isEmpty();
            assertThat(archive.verify(task.getKey()).intact()).isTrue();
        }
        assertThat(tasks.list(TaskQuery.all().withStates(Set.of(TaskState.ARCHIVED))).tasks()).isEmpty();
        assertThat(archive.counters().total() - archivedBefore).isEqualTo(5);
    }

    @Test
    void restoresAnArchivedTaskWholeWithItsHistoryAndOutputs() throws IOException {
        Task task = finished(TaskState.COMPLETED);
        tasks.appendOutput(task.getId(), OutputDraft.text(OutputType.STDOUT, "all tests passed"), "test");
        String big = "x".repeat(300 * 1024);
        tasks.appendOutput(task.getId(), OutputDraft.text(OutputType.LOG, big), "test");
        List<HistoryEvent> historyBefore = tasks.history(task.getId());
        clock.advance(RETENTION.plusDays(1));
        job.run(false);
        assertThatThrownBy(() -> tasks.get(task.getKey())).isInstanceOf(TaskNotFoundException.class);

        Task restored = archive.restore(task.getKey(), "test");

        assertThat(restored.getState()).isEqualTo(TaskState.COMPLETED);
        List<HistoryEvent> history = tasks.history(task.getId());
        assertThat(history.subList(0, historyBefore.size())).isEqualTo(historyBefore);
        assertThat(history).extracting(HistoryEvent::type).endsWith(EventType.ARCHIVED, EventType.RESTORED);
        assertThat(tasks.verify(task.getId()).intact()).isTrue();
        List<TaskOutput> outputs = tasks.outputs(task.getId());
        assertThat(outputs).hasSize(2);
        try (InputStream in = tasks.openOutput(tasks.output(task.getId(), 2))) {
            assertThat(new String(in.readAllBytes())).isEqualTo(big);
        }
        assertThatThrownBy(() -> archive.find(task.getKey())).isInstanceOf(TaskNotFoundException.class);
    }

    @Test
    void tellsTheNextRunAndTheLastReport() {
        ArchivalJob.ArchivalStatus status = job.status();

        assertThat(status.nextRun()).isAfter(clock.instant());
        assertThat(status.lastReport()).isNotNull();
        assertThat(status.retention()).isEqualTo(RETENTION);
    }
}

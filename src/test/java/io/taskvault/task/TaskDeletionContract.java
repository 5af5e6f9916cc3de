package io.taskvault.task;

import static io.taskvault.support.TaskDrafts.aTask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import com.mongodb.client.model.Filters;

import io.taskvault.archive.Archive;
import io.taskvault.archive.ArchiveFixtures;
import io.taskvault.archive.ArchiveStore;
import io.taskvault.context.AiInteraction;
import io.taskvault.context.ContextService;
import io.taskvault.context.PerformanceMetric;
import io.taskvault.context.RequirementContext;
import io.taskvault.graph.DependencyGraph;
import io.taskvault.graph.EdgeType;
import io.taskvault.integrity.IntegrityCheck;
import io.taskvault.integrity.IntegrityReport;
import io.taskvault.security.Role;
import io.taskvault.task.deletion.DeletionSubject;
import io.taskvault.task.deletion.Tombstone;
import io.taskvault.task.deletion.TombstoneStore;
import io.taskvault.task.history.HistoryEvent;
import io.taskvault.task.output.OutputDraft;
import io.taskvault.task.output.OutputType;
import io.taskvault.task.output.TaskOutput;

/** The storage contract for deleting a task: nothing of it is left in any collection, only its tombstone. */
abstract class TaskDeletionContract {

    @Autowired
    TaskService tasks;
    @Autowired
    DependencyGraph graph;
    @Autowired
    ContextService context;
    @Autowired
    Archive archive;
    @Autowired
    IntegrityCheck integrity;
    @Autowired
    TombstoneStore tombstones;
    @Autowired
    TaskDeletion deletion;
    @Autowired
    MongoTemplate mongo;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void deletingATaskLeavesNoDocumentOfItBehindOnlyItsTombstone() {
        Task upstream = tasks.create(aTask().titled("upstream").build(), "alice");
        Task doomed = tasks.create(aTask().titled("mistaken task").dependingOn(upstream.getKey()).build(), "alice");
        Task related = tasks.create(aTask().titled("related").build(), "alice");
        Task waiting = tasks.create(aTask().titled("waits only on the doomed one").dependingOn(doomed.getKey()).build(), "bob");
        graph.addEdge(doomed.getKey(), EdgeType.RELATES_TO, related.getKey(), "alice");
        tasks.addNote(doomed.getKey(), "about to go", "alice");
        tasks.appendOutput(doomed.getKey(), OutputDraft.text(OutputType.STDOUT, "hello"), "runner");
        byte[] big = new byte[300 * 1024];
        TaskOutput inGridFs = tasks.appendOutput(doomed.getKey(), new OutputDraft(OutputType.ARTIFACT,
                () -> new ByteArrayInputStream(big), "out.bin", "application/octet-stream", null, null), "runner");
        context.add(doomed.getKey(), AiInteraction.of("claude", "plan", "what next?", "answer ".repeat(60_000), 42, 900,
                true, "s1"));
        context.add(doomed.getKey(), RequirementContext.of("story", Map.of("text", "as a user…"), "jira"));
        context.add(doomed.getKey(), PerformanceMetric.of("latency", 12.5, "ms"));
        Task before = tasks.get(doomed.getKey());
        assertThat(inGridFs.inline()).isFalse();
        assertThat(tasks.get(waiting.getKey()).getState()).isEqualTo(TaskState.BLOCKED);
        List<ObjectId> files = gridFsFilesOf(doomed.getId());
        assertThat(files).as("the artifact and the AI answer are in GridFS").hasSizeGreaterThanOrEqualTo(2);
        Instant start = Instant.now();

        Tombstone tombstone = tasks.delete(doomed.getKey(), "admin", "created by mistake");

        assertThat(tombstone.id()).isEqualTo(doomed.getId());
        assertThat(tombstone.key()).isEqualTo(doomed.getKey());
        assertThat(tombstone.title()).isEqualTo("mistaken task");
        assertThat(tombstone.deletedBy()).isEqualTo("admin");
        assertThat(tombstone.reason()).isEqualTo("created by mistake");
        assertThat(tombstone.deletedAt()).isBetween(start.minusSeconds(1), Instant.now());
        assertThat(tombstone.headHash()).isEqualTo(before.getHistoryHash());
        assertThat(tombstone.events()).isEqualTo(before.getVersion());
        assertThat(tombstone.archived()).isFalse();
        assertThat(tombstone.state()).isEqualTo(Tombstone.State.DELETED);
        assertThat(tombstone.schemaVersion()).isEqualTo(Tombstone.SCHEMA_VERSION);
        assertThat(tombstones.find(doomed.getKey())).contains(tombstone);
        assertNothingLeftOf(doomed.getId(), files);
        assertThatThrownBy(() -> tasks.get(doomed.getKey())).isInstanceOf(TaskNotFoundException.class);

        Task released = tasks.get(waiting.getKey());
        assertThat(released.getState()).as("its only dependency is gone").isEqualTo(TaskState.PENDING);
        assertThat(released.getDependsOn()).isEmpty();
        assertThat(tasks.get(related.getKey()).getRelatedTo()).isEmpty();
        assertThat(graph.dependentIds(upstream.getId())).isEmpty();
        assertThat(tasks.verify(waiting.getKey()).intact()).isTrue();
    }

    @Test
    void aDependantStillWaitingOnAnotherTaskStaysBlocked() {
        Task doomed = tasks.create(aTask().build(), "alice");
        Task other = tasks.create(aTask().build(), "alice");
        Task waiting = tasks.create(aTask().dependingOn(doomed.getKey(), other.getKey()).build(), "alice");

        tasks.delete(doomed.getKey(), "admin", "duplicate");

        Task after = tasks.get(waiting.getKey());
        assertThat(after.getState()).isEqualTo(TaskState.BLOCKED);
        assertThat(after.getDependsOn()).containsExactly(other.getId());
    }

    @Test
    void verifyAccountsForADeletedTaskAndStillReportsAKeyThatVanished() {
        Task doomed = tasks.create(aTask().build(), "alice");
        Task vanished = tasks.create(aTask().build(), "alice");
        tasks.delete(doomed.getKey(), "admin", "not needed");
        mongo.getCollection(Task.COLLECTION).deleteOne(Filters.eq("_id", vanished.getId()));
        mongo.getCollection(HistoryEvent.COLLECTION).deleteMany(Filters.eq("taskId", vanished.getId()));

        IntegrityReport report = integrity.verifyAll();

        assertThat(report.deleted()).isGreaterThanOrEqualTo(1);
        assertThat(report.findings()).noneSatisfy(f -> assertThat(f.taskKey()).isEqualTo(doomed.getKey()));
        assertThat(report.findings()).anySatisfy(f -> {
            assertThat(f.taskKey()).isEqualTo(vanished.getKey());
            assertThat(f.kind()).isEqualTo("MISSING");
        });
        assertThat(report.summary()).contains("deleted tasks accounted for by tombstones");
    }

    @Test
    void deletingAnArchivedTaskRemovesItsBundleAndCountsAndKeepsATombstone() {
        Task task = tasks.create(aTask().titled("old work").build(), "alice");
        tasks.transition(task.getKey(), TaskState.CANCELLED, "alice", "not needed");
        ArchiveFixtures.archive(archive, tasks.get(task.getKey()));
        var entry = archive.find(task.getKey());
        long archivedBefore = archive.counters().total();

        Tombstone tombstone = tasks.delete(task.getKey(), "admin", "no longer wanted");

        assertThat(tombstone.archived()).isTrue();
        assertThat(tombstone.headHash()).isEqualTo(entry.headHash());
        assertThat(tombstone.events()).isEqualTo(entry.events());
        assertThat(mongo.getCollection(ArchiveStore.COLLECTION).countDocuments(Filters.eq("_id", task.getId()))).isZero();
        assertThat(archive.counters().total()).isEqualTo(archivedBefore - 1);
        assertThatThrownBy(() -> archive.find(task.getKey())).isInstanceOf(TaskNotFoundException.class);
        assertNothingLeftOf(task.getId(), List.of());
        assertThat(integrity.verifyAll().findings()).noneSatisfy(f -> assertThat(f.taskKey()).isEqualTo(task.getKey()));
    }

    @Test
    void aDeleteCutShortAfterItsTombstoneIsFinishedByARunAgainOrAtStartUp() {
        Task first = tasks.create(aTask().build(), "alice");
        Task second = tasks.create(aTask().build(), "alice");
        for (Task task : List.of(first, second)) {
            tombstones.begin(Tombstone.deleting(new DeletionSubject(task.getId(), task.getKey(), task.getTitle(),
                    task.getHistoryHash(), task.getVersion(), false), "admin", Instant.now(), "cut short"));
            //why: as a crash right after the task's document went would leave it
            mongo.getCollection(Task.COLLECTION).deleteOne(Filters.eq("_id", task.getId()));
        }

        Tombstone again = tasks.delete(first.getKey(), "someone else", "again");
        int atStartUp = deletion.finishInterrupted();

        assertThat(again.state()).isEqualTo(Tombstone.State.DELETED);
        assertThat(again.reason()).as("the first delete's record is kept").isEqualTo("cut short");
        assertThat(atStartUp).isGreaterThanOrEqualTo(1);
        assertThat(tombstones.byId(second.getId())).hasValueSatisfying(t -> assertThat(t.finished()).isTrue());
        assertNothingLeftOf(first.getId(), List.of());
        assertNothingLeftOf(second.getId(), List.of());
    }

    @Test
    void onlyAnAdminMayDeleteAndAReasonIsRequired() {
        Task task = tasks.create(aTask().build(), "alice");
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated("olga", null, Role.OPERATOR.authorities()));

        assertThatThrownBy(() -> tasks.delete(task.getKey(), "olga", "mine")).isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("ADMIN");
        assertThat(tasks.mayDelete()).isFalse();
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated("ada", null, Role.ADMIN.authorities()));
        assertThatThrownBy(() -> tasks.delete(task.getKey(), "ada", " ")).isInstanceOfSatisfying(
                InvalidTaskException.class, e -> assertThat(e.errors()).containsKey("reason"));
        assertThatThrownBy(() -> tasks.delete("TV-999999999", "ada", "gone")).isInstanceOf(TaskNotFoundException.class);
        assertThat(tasks.find(task.getId())).isPresent();
        assertThat(tombstones.byId(task.getId())).isEmpty();
    }

    private List<ObjectId> gridFsFilesOf(String taskId) {
        List<ObjectId> files = new ArrayList<>();
        mongo.getCollection("outputs.files").find(Filters.eq("metadata.taskId", taskId))
                .forEach(f -> files.add(f.getObjectId("_id")));
        mongo.getCollection("ai_interactions").find(Filters.eq("taskId", taskId)).forEach(d -> {
            for (String field : List.of("requestBodyId", "responseBodyId")) {
                if (d.getString(field) != null) {
                    files.add(new ObjectId(d.getString(field)));
                }
            }
        });
        return files;
    }

    /** No collection but the tombstones names the task; the history of other tasks may (their dependsOn diffs). */
    private void assertNothingLeftOf(String taskId, List<ObjectId> files) {
        for (String collection : mongo.getCollectionNames()) {
            if (Set.of(Tombstone.COLLECTION, HistoryEvent.COLLECTION, "ops_reports").contains(collection)) {
                continue;
            }
            List<String> naming = new ArrayList<>();
            mongo.getCollection(collection).find().forEach(d -> {
                if (d.toJson().contains(taskId)) {
                    naming.add(String.valueOf(d.get("_id")));
                }
            });
            assertThat(naming).as("documents in %s naming the deleted task", collection).isEmpty();
        }
        assertThat(mongo.getCollection(HistoryEvent.COLLECTION).countDocuments(Filters.eq("taskId", taskId))).isZero();
        for (String bucket : List.of("outputs", "context_bodies")) {
            assertThat(mongo.getCollection(bucket + ".files").countDocuments(Filters.in("_id", files))).isZero();
            assertThat(mongo.getCollection(bucket + ".chunks").countDocuments(Filters.in("files_id", files))).isZero();
        }
        assertThat(mongo.getCollection(Tombstone.COLLECTION).countDocuments(Filters.eq("_id", taskId))).isOne();
    }

}

package io.taskvault.store.schema;

import static io.taskvault.support.TaskDrafts.aTask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Instant;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.model.Filters;

import io.taskvault.store.SchemaUpgrader;
import io.taskvault.task.Priority;
import io.taskvault.task.Task;
import io.taskvault.task.TaskQuery;
import io.taskvault.task.TaskService;
import io.taskvault.task.TaskState;
import io.taskvault.task.history.EventType;
import io.taskvault.task.history.HistoryEvent;

abstract class SchemaUpgradeContract {

    @Autowired
    TaskService service;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    BatchUpgrade batch;
    @Autowired
    SchemaUpgrader upgrader;

    @org.junit.jupiter.api.BeforeEach
    void startEmpty() {
        Fixtures.wipe(mongo);
        Fixtures.allowKeylessTasks(mongo);
    }

    @Test
    void readsAFileBasedV1TaskThroughTheServiceAsTodaysTask() {
        Fixtures.insert(mongo, "tasks", "schema/tasks-v1.json");

        Task task = service.get("TASK-001-001");

        assertThat(task.getTitle()).isEqualTo("Design the login page");
        assertThat(task.getState()).isEqualTo(TaskState.COMPLETED);
        assertThat(task.getPriority()).isEqualTo(Priority.HIGH);
        assertThat(task.getCreatedAt()).isEqualTo(Instant.parse("2024-03-01T09:00:00Z"));
        assertThat(task.getUpdatedAt()).isEqualTo(Instant.parse("2024-03-02T17:30:00Z"));
        assertThat(task.getCreatedBy()).isEqualTo("sm");
        assertThat(task.getStoryId()).isEqualTo("STORY-001");
        assertThat(task.getEpicId()).isEqualTo("EPIC-01");
        assertThat(task.getPersona()).isEqualTo("dev");
        assertThat(task.getRelatedTo()).containsExactly("TASK-002-001");
        assertThat(task.getMetadata()).containsEntry("filePath", "docs/stories/story-001.md")
                .containsEntry("lineNumber", 12).containsEntry("blocks", List.of("TASK-001-002"));
        assertThat(task.getExternalId()).isEqualTo("TASK-001-001");
        assertThat(mongo.getCollection("tasks").find(Filters.eq("_id", "TASK-001-001")).first())
                .as("reading upgrades a copy; the stored document waits for the batch upgrader").containsKey("content");
    }

    @Test
    void refusesToReadATaskWrittenByANewerTaskvault() {
        Fixtures.insert(mongo, "tasks", "schema/tasks-too-new.json");

        assertThatThrownBy(() -> service.get("from-the-future")).isInstanceOf(SchemaTooNewException.class)
                .hasMessageContaining("tasks").hasMessageContaining("schemaVersion 99");
        assertThat(mongo.getCollection("tasks").find(Filters.eq("_id", "from-the-future")).first())
                .containsEntry("hologram", new Document("colour", "teal"));
    }

    @Test
    void batchUpgradeGivesV1TasksKeysAndAVerifiableCreatedEvent() {
        Task before = service.create(aTask().build(), "alice");
        Fixtures.insert(mongo, "tasks", "schema/tasks-v1.json");

        UpgradeReport report = batch.run();

        assertThat(report.rewritten()).as("4 v1 tasks, and the one written at Task.SCHEMA_VERSION=2")
                .isEqualTo(Task.SCHEMA_VERSION < newestTasks() ? 5 : 4);
        Task adopted = byExternalId("TASK-001-002");
        assertThat(adopted.getMetadata()).containsEntry("legacyId", "65f0c0ffee0000000000abcd");
        assertThat(adopted.getKey()).matches("TV-\\d+").isNotEqualTo(before.getKey());
        assertThat(adopted.getVersion()).isEqualTo(1);
        assertThat(service.verify(adopted.getKey()).problems()).isEmpty();
        List<HistoryEvent> history = service.history(adopted.getKey());
        assertThat(history).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(EventType.CREATED);
            assertThat(e.toState()).isEqualTo(TaskState.RUNNING);
            assertThat(e.at()).isEqualTo(Instant.parse("2024-03-02T09:00:00Z"));
            assertThat(e.actor()).isEqualTo("sm");
        });
        Document stored = mongo.getCollection("tasks").find(Filters.eq("_id", "TASK-001-001")).first();
        assertThat(stored.getInteger("schemaVersion")).isEqualTo(newestTasks());
        assertThat(stored).doesNotContainKey("content");
        assertThat(service.transition(adopted.getKey(), TaskState.COMPLETED, "bob", "done").getVersion()).isEqualTo(2);
        assertThat(service.verify(adopted.getKey()).problems()).isEmpty();
    }

    @Test
    void aWriteToAV1TaskBeforeItIsAdoptedFailsWithoutHangingOrSpoilingItsChain() {
        Fixtures.insert(mongo, "tasks", "schema/tasks-v1.json");

        assertThatThrownBy(() -> org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(30),
                () -> service.transition("TASK-002-002", TaskState.QUEUED, "alice", "too early")))
                .isInstanceOf(io.taskvault.task.ConcurrentTaskModificationException.class);
        assertThat(service.get("TASK-002-002").getVersion()).isEqualTo(TaskV1ToV2.NOT_ADOPTED);

        batch.run();

        Task adopted = service.get("TASK-002-002");
        assertThat(service.verify(adopted.getKey()).problems()).isEmpty();
        assertThat(service.transition(adopted.getKey(), TaskState.QUEUED, "alice", "now").getVersion()).isEqualTo(2);
        assertThat(service.verify(adopted.getKey()).problems()).isEmpty();
    }

    @Test
    void listsAndFindsTasksOfEveryVersionHeldAtOnce() {
        Fixtures.insert(mongo, "tasks", "schema/tasks-v1.json");
        Fixtures.insert(mongo, "tasks", "schema/tasks-v2.json");
        Task current = service.create(aTask().titled("A task of today").build(), "alice");

        assertThat(titles(TaskQuery.all())).hasSize(7).contains("Design the login page",
                "A v2 task written before the sort keys existed", current.getTitle());
        org.awaitility.Awaitility.await().untilAsserted(() -> assertThat(service.statistics().schemaVersions()
                .get("tasks")).containsEntry(1, 4L).containsEntry(2, 2L).containsEntry(Task.SCHEMA_VERSION, 1L));

        batch.run();

        assertThat(titles(TaskQuery.all().withStates(java.util.Set.of(TaskState.COMPLETED))))
                .containsExactlyInAnyOrder("Design the login page", "Another v2 task without sort keys");
        org.awaitility.Awaitility.await().untilAsserted(() -> assertThat(service.statistics().schemaVersions())
                .containsEntry("tasks", java.util.Map.of(newestTasks(), 7L)).containsKeys("task_history", "task_outputs"));
    }

    @Test
    void secondUpgradeGivesV2TasksTheirSortKeysSoPriorityOrderHolds() {
        Fixtures.insert(mongo, "tasks", "schema/tasks-v2.json");
        service.create(aTask().titled("Medium work").withPriority(Priority.MEDIUM).build(), "alice");

        assertThat(service.get("TV-910").getPriorityRank()).isEqualTo(4);
        assertThat(service.get("TV-99").getKeyNumber()).isEqualTo(99);
        batch.run();

        List<String> byPriority = titles(TaskQuery.all().sortedBy(TaskQuery.SortField.PRIORITY, true));
        assertThat(byPriority).containsExactly("A v2 task written before the sort keys existed", "Medium work",
                "Another v2 task without sort keys");
    }

    @Test
    void reportsProgressBatchByBatchUpToEveryOldDocument() {
        Fixtures.insert(mongo, "tasks", "schema/tasks-v1.json");
        Fixtures.insert(mongo, "tasks", "schema/tasks-v2.json");
        RecordingProgress progress = new RecordingProgress();

        UpgradeReport report = batch.run(progress);

        assertThat(report.rewritten()).isEqualTo(6);
        assertThat(progress.reports()).first().isEqualTo("0/6");
        assertThat(progress.last()).isEqualTo("6/6");
    }

    @Test
    void neverRewritesStoredHistorySoEveryChainStillVerifies() {
        Task task = service.create(aTask().build(), "alice");
        service.transition(task.getKey(), TaskState.QUEUED, "alice", "go");
        List<Document> before = mongo.getCollection("task_history").find().into(new java.util.ArrayList<>());

        batch.run();

        assertThat(mongo.getCollection("task_history").find().into(new java.util.ArrayList<>())).isEqualTo(before);
        assertThat(service.verify(task.getKey()).problems()).isEmpty();
    }

    @Test
    void savesWriteTheNewestVersionTheReadPathKnows() {
        assumeTrue(Task.SCHEMA_VERSION == newestTasks(),
                "Task.SCHEMA_VERSION must be raised to " + newestTasks() + " for writes to carry the newest version");
        Task task = service.create(aTask().build(), "alice");

        assertThat(mongo.getCollection("tasks").find(Filters.eq("_id", task.getId())).first().getInteger("schemaVersion"))
                .isEqualTo(newestTasks());
    }

    private int newestTasks() {
        return ((VersionedSchemaUpgrader) upgrader).newest("tasks");
    }

    private Task byExternalId(String externalId) {
        return service.list(TaskQuery.all()).tasks().stream().filter(t -> externalId.equals(t.getExternalId()))
                .findFirst().orElseThrow();
    }

    private List<String> titles(TaskQuery query) {
        return service.list(query).tasks().stream().map(Task::getTitle).toList();
    }
}

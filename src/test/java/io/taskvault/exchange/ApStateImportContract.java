package io.taskvault.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import io.taskvault.graph.DependencyGraph;
import io.taskvault.store.schema.Fixtures;
import io.taskvault.store.schema.RecordingProgress;
import io.taskvault.task.Priority;
import io.taskvault.task.Task;
import io.taskvault.task.TaskQuery;
import io.taskvault.task.TaskService;
import io.taskvault.task.TaskState;
import io.taskvault.task.history.EventType;
import io.taskvault.task.history.HistoryEvent;

abstract class ApStateImportContract {

    @Autowired
    ApStateImport apState;
    @Autowired
    TaskService service;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    DependencyGraph graph;

    @TempDir
    Path copy;

    @BeforeEach
    void startEmpty() {
        Fixtures.wipe(mongo);
    }

    @Test
    void importsTasksWithTheirStateHistoryAndRejectsEachBadFileWithItsReason() {
        ImportSummary summary = apState.run(fixture().toString(), false);

        assertThat(summary.created()).extracting(ImportSummary.Entry::id)
                .containsExactlyInAnyOrder("TASK-001-001", "TASK-001-002", "TASK-001-003");
        assertThat(summary.rejected()).extracting(e -> e.file() + " | " + e.reason()).satisfiesExactlyInAnyOrder(
                r -> assertThat(r).startsWith("states/history/2024-03/state-changes.jsonl:5 | history line is not valid JSON"),
                r -> assertThat(r).startsWith("tasks/active/TASK-007-001.json | dependency cycle: TASK-007-001 → TASK-007-002 → TASK-007-001"),
                r -> assertThat(r).startsWith("tasks/active/TASK-007-002.json | dependency cycle"),
                r -> assertThat(r).startsWith("tasks/active/TASK-009-001.json | task TASK-009-001: status 'someday' is not known"),
                r -> assertThat(r).startsWith("tasks/active/broken.json | is not valid JSON"),
                r -> assertThat(r).startsWith("tasks/active/z-duplicate.json | id TASK-001-001 collides with tasks/active/TASK-001-001.json"));

        Task tests = byExternalId("TASK-001-003");
        assertThat(tests.getState()).isEqualTo(TaskState.COMPLETED);
        assertThat(tests.getPriority()).isEqualTo(Priority.LOW);
        assertThat(tests.getCreatedAt()).isEqualTo(Instant.parse("2024-03-01T11:00:00Z"));
        assertThat(service.history(tests.getKey())).extracting(HistoryEvent::type, HistoryEvent::toState, HistoryEvent::at,
                HistoryEvent::actor).containsExactly(
                org.assertj.core.groups.Tuple.tuple(EventType.CREATED, TaskState.PENDING, Instant.parse("2024-03-01T11:00:00Z"), "qa"),
                org.assertj.core.groups.Tuple.tuple(EventType.STATE_CHANGED, TaskState.RUNNING, Instant.parse("2024-03-02T09:00:00Z"), "qa"),
                org.assertj.core.groups.Tuple.tuple(EventType.STATE_CHANGED, TaskState.COMPLETED, Instant.parse("2024-03-03T16:00:00Z"), "qa"));
        assertThat(service.verify(tests.getKey()).problems()).isEmpty();
        Task design = byExternalId("TASK-001-001");
        Task login = byExternalId("TASK-001-002");
        assertThat(login.getDependsOn()).as("the source id becomes the id taskvault gave the task")
                .containsExactly(design.getId());
        assertThat(tests.getRelatedTo()).containsExactly(design.getId());
        assertThat(summary.unresolved()).isEmpty();
        assertThat(service.verify(login.getKey()).problems()).isEmpty();
        assertThat(service.verify(byExternalId("TASK-001-001").getKey()).problems()).isEmpty();
    }

    @Test
    void relationshipsBlocksBecomeEdgesNotMetadataAndAnUnknownBlockedTaskIsReportedOnItsFile() throws IOException {
        Path active = Files.createDirectories(copy.resolve("blocks/tasks/active"));
        Files.writeString(active.resolve("TASK-060-001.json"), "{\"id\": \"TASK-060-001\", \"content\": \"Schema\", "
                + "\"status\": \"pending\", \"metadata\": {\"created_at\": \"2024-03-05T09:00:00Z\"}, "
                + "\"relationships\": {\"blocks\": [\"TASK-060-002\", \"TASK-060-099\"]}}");
        Files.writeString(active.resolve("TASK-060-002.json"), "{\"id\": \"TASK-060-002\", \"content\": \"API\", "
                + "\"status\": \"pending\", \"metadata\": {\"created_at\": \"2024-03-05T09:00:00Z\"}}");

        ImportSummary summary = apState.run(copy.resolve("blocks").toString(), false);

        Task schema = byExternalId("TASK-060-001");
        Task api = byExternalId("TASK-060-002");
        assertThat(graph.dependencyIds(api.getId())).as("A blocks B: B depends on A").containsExactly(schema.getId());
        assertThat(graph.dependentIds(schema.getId())).containsExactly(api.getId());
        assertThat(api.getDependsOn()).containsExactly(schema.getId());
        assertThat(api.getState()).as("waits for unfinished work, by the graph's rules").isEqualTo(TaskState.BLOCKED);
        assertThat(schema.getMetadata()).doesNotContainKey("blocks");
        assertThat(summary.unresolved()).singleElement().satisfies(e -> {
            assertThat(e.file()).isEqualTo("tasks/active/TASK-060-001.json");
            assertThat(e.id()).isEqualTo("TASK-060-001");
            assertThat(e.reason()).isEqualTo("blocks TASK-060-099 names no task of this import nor one imported before; left out");
        });
        assertThat(service.verify(api.getKey()).problems()).isEmpty();
    }

    @Test
    void theFixturesDependenciesAreEdges() {
        apState.run(fixture().toString(), false);

        Task design = byExternalId("TASK-001-001");
        Task login = byExternalId("TASK-001-002");
        assertThat(graph.dependencyIds(login.getId())).as("depends_on and blocks name the same edge once")
                .containsExactly(design.getId());
        assertThat(login.getState()).as("a running task stays running").isEqualTo(TaskState.RUNNING);
        assertThat(design.getMetadata()).doesNotContainKey("blocks");
    }

    @Test
    void reportsProgressForEveryTaskItStores() {
        RecordingProgress progress = new RecordingProgress();

        apState.run(fixture().toString(), false, progress);

        assertThat(progress.reports()).containsExactly("0/3", "1/3", "2/3", "3/3");
    }

    @Test
    void aRelationToATaskFurtherOnInTheSameImportIsLinkedOnceThatTaskIsStored() throws IOException {
        Path active = Files.createDirectories(copy.resolve("forward/tasks/active"));
        Files.writeString(active.resolve("TASK-050-001.json"), "{\"id\": \"TASK-050-001\", \"content\": \"First\", "
                + "\"status\": \"pending\", \"metadata\": {\"created_at\": \"2024-03-05T09:00:00Z\"}, "
                + "\"relationships\": {\"related_to\": [\"TASK-050-002\"]}}");
        Files.writeString(active.resolve("TASK-050-002.json"), "{\"id\": \"TASK-050-002\", \"content\": \"Second\", "
                + "\"status\": \"pending\", \"metadata\": {\"created_at\": \"2024-03-05T09:00:00Z\"}, "
                + "\"relationships\": {\"related_to\": [\"TASK-050-001\"]}}");

        ImportSummary summary = apState.run(copy.resolve("forward").toString(), false);

        Task first = byExternalId("TASK-050-001");
        Task second = byExternalId("TASK-050-002");
        assertThat(first.getRelatedTo()).containsExactly(second.getId());
        assertThat(second.getRelatedTo()).containsExactly(first.getId());
        assertThat(summary.unresolved()).isEmpty();
        assertThat(service.verify(first.getKey()).problems()).isEmpty();
        assertThat(apState.run(copy.resolve("forward").toString(), false).skipped()).hasSize(2);
    }

    @Test
    void importingTwiceChangesNothing() {
        apState.run(fixture().toString(), false);
        List<org.bson.Document> tasks = mongo.getCollection("tasks").find().into(new java.util.ArrayList<>());
        long events = mongo.getCollection("task_history").countDocuments();

        ImportSummary again = apState.run(fixture().toString(), false);

        assertThat(again.created()).isEmpty();
        assertThat(again.skipped()).hasSize(3).allSatisfy(e -> assertThat(e.reason()).contains("already imported as TV-"));
        assertThat(mongo.getCollection("tasks").find().into(new java.util.ArrayList<>())).isEqualTo(tasks);
        assertThat(mongo.getCollection("task_history").countDocuments()).isEqualTo(events);
    }

    @Test
    void dryRunReportsWhatWouldHappenAndStoresNothing() {
        ImportSummary summary = apState.run(fixture().toString(), true);

        assertThat(summary.dryRun()).isTrue();
        assertThat(summary.created()).hasSize(3).allSatisfy(e -> assertThat(e.reason()).startsWith("would be created"));
        assertThat(summary.rejected()).hasSize(6);
        assertThat(mongo.getCollection("tasks").countDocuments()).isZero();
        assertThat(mongo.getCollection("task_history").countDocuments()).isZero();
    }

    @Test
    void updatesAnImportedTaskWhoseTextChangedInTheSource() throws IOException {
        apState.run(fixture().toString(), false);
        Path source = copyOfFixture();
        Path file = source.resolve("tasks/active/TASK-001-001.json");
        Files.writeString(file, Files.readString(file).replace("Design the login page", "Design the login and logout pages"));

        ImportSummary summary = apState.run(source.toString(), false);

        assertThat(summary.updated()).singleElement().satisfies(e -> {
            assertThat(e.id()).isEqualTo("TASK-001-001");
            assertThat(e.reason()).contains("title");
        });
        Task design = byExternalId("TASK-001-001");
        assertThat(design.getTitle()).isEqualTo("Design the login and logout pages");
        assertThat(service.verify(design.getKey()).problems()).isEmpty();
    }

    private Task byExternalId(String externalId) {
        return service.list(TaskQuery.all()).tasks().stream().filter(t -> externalId.equals(t.getExternalId()))
                .findFirst().orElseThrow();
    }

    static Path fixture(String name) {
        try {
            return Path.of(ApStateImportContract.class.getResource("/fixtures/" + name).toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path fixture() {
        return fixture("ap-state");
    }

    private Path copyOfFixture() throws IOException {
        Path from = fixture();
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path to = copy.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(f, to);
                }
            }
        }
        return copy;
    }
}

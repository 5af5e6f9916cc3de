package io.taskvault.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import io.taskvault.graph.DependencyGraph;
import io.taskvault.store.schema.Fixtures;
import io.taskvault.task.Priority;
import io.taskvault.task.Task;
import io.taskvault.task.TaskQuery;
import io.taskvault.task.TaskService;
import io.taskvault.task.TaskState;
import io.taskvault.task.history.EventType;
import io.taskvault.task.history.HistoryEvent;

abstract class StateDirectoryImportContract {

    @Autowired
    StateDirectoryImport stateDirectory;
    @Autowired
    TaskService service;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    DependencyGraph graph;

    @TempDir
    Path temp;

    @BeforeEach
    void startEmpty() {
        Fixtures.wipe(mongo);
    }

    @Test
    void importsTasksWithTheirAuditLogsMappingSecuredToCompleted() {
        ImportSummary summary = stateDirectory.run(dir(), false);

        assertThat(summary.created()).extracting(ImportSummary.Entry::id).containsExactlyInAnyOrder("a1", "b2", "c3", "d4");
        Task scan = byExternalId("state-dir:a1");
        assertThat(scan.getState()).isEqualTo(TaskState.COMPLETED);
        assertThat(scan.getPriority()).isEqualTo(Priority.CRITICAL);
        assertThat(scan.getTags()).containsExactly("security");
        assertThat(service.history(scan.getKey())).extracting(HistoryEvent::type, HistoryEvent::toState, HistoryEvent::at)
                .containsExactly(tuple(EventType.CREATED, TaskState.PENDING, Instant.parse("2024-05-01T08:00:00Z")),
                        tuple(EventType.STATE_CHANGED, TaskState.RUNNING, Instant.parse("2024-05-01T09:00:00Z")),
                        tuple(EventType.STATE_CHANGED, TaskState.COMPLETED, Instant.parse("2024-05-01T12:00:00Z")));
        assertThat(service.history(scan.getKey()).get(1).details()).containsEntry("sourceChecksum", "b5ce9b3cab923919eaffa65c14ef9cdd5c81c418d676bcc768b0503726747ac8");
        Task keys = byExternalId("state-dir:b2");
        assertThat(keys.getState()).isEqualTo(TaskState.FAILED);
        assertThat(service.history(keys.getKey()).get(2).reason()).isEqualTo("vault sealed");
        Task archived = byExternalId("state-dir:c3");
        assertThat(archived.getState()).isEqualTo(TaskState.ARCHIVED);
        assertThat(archived.getPreviousState()).isEqualTo(TaskState.COMPLETED);
        assertThat(service.restore(archived.getKey(), "alice").getState()).isEqualTo(TaskState.COMPLETED);
        for (String id : new String[] {"a1", "b2", "c3", "d4"}) {
            assertThat(service.verify(byExternalId("state-dir:" + id).getKey()).problems()).as(id).isEmpty();
        }
    }

    @Test
    void rejectsEachBadFileWithItsReasonAndImportsTheRest() {
        ImportSummary summary = stateDirectory.run(dir(), false);

        assertThat(summary.rejected()).extracting(e -> e.file() + " | " + e.reason()).satisfiesExactlyInAnyOrder(
                r -> assertThat(r).startsWith("bad-state.json | has state 'PAUSED'; known are [ARCHIVED, FAILED, IN_PROGRESS"),
                r -> assertThat(r).startsWith("broken.json | is not valid JSON"),
                r -> assertThat(r).startsWith("dup.json | id a1 collides with a1.json"),
                r -> assertThat(r).startsWith("x.json | dependency cycle: x → y → x"),
                r -> assertThat(r).startsWith("y.json | dependency cycle: y → x → y"));
        assertThat(summary.created()).hasSize(4);
    }

    @Test
    void importingTwiceChangesNothing() {
        stateDirectory.run(dir(), false);
        long tasks = mongo.getCollection("tasks").countDocuments();
        long events = mongo.getCollection("task_history").countDocuments();

        ImportSummary again = stateDirectory.run(dir(), false);

        assertThat(again.created()).isEmpty();
        assertThat(again.skipped()).hasSize(4);
        assertThat(mongo.getCollection("tasks").countDocuments()).isEqualTo(tasks);
        assertThat(mongo.getCollection("task_history").countDocuments()).isEqualTo(events);
    }

    @Test
    void dependenciesFollowTheTasksAcrossFilesAndImportsAndUnknownOnesAreReportedPerFile() throws IOException {
        Path first = Files.createDirectories(temp.resolve("first"));
        write(first, "a-needs-b.json", "{\"id\": \"a\", \"title\": \"Needs b\", \"state\": \"PENDING\", "
                + "\"created_at\": \"2024-05-03T08:00:00Z\", \"dependencies\": [\"b\", \"later\"]}");
        write(first, "b.json", "{\"id\": \"b\", \"title\": \"Comes first\", \"state\": \"PENDING\", "
                + "\"created_at\": \"2024-05-03T08:00:00Z\"}");

        ImportSummary dry = stateDirectory.run(first.toString(), true);
        assertThat(dry.created()).hasSize(2);
        assertThat(dry.unresolved()).extracting(ImportSummary.Entry::id).containsExactly("a");
        assertThat(mongo.getCollection("tasks").countDocuments()).isZero();

        ImportSummary one = stateDirectory.run(first.toString(), false);

        Task a = byExternalId("state-dir:a");
        Task b = byExternalId("state-dir:b");
        assertThat(a.getDependsOn()).as("b was stored first although its file sorts last").containsExactly(b.getId());
        assertThat(one.unresolved()).singleElement().satisfies(e -> {
            assertThat(e.file()).isEqualTo("a-needs-b.json");
            assertThat(e.id()).isEqualTo("a");
            assertThat(e.reason()).isEqualTo("dependsOn later names no task of this import nor one imported before; left out");
        });
        assertThat(one.headline()).endsWith("0 rejected, 1 unresolved references");

        Path second = Files.createDirectories(temp.resolve("second"));
        write(second, "c.json", "{\"id\": \"c\", \"title\": \"Needs b too\", \"state\": \"PENDING\", "
                + "\"created_at\": \"2024-05-04T08:00:00Z\", \"dependencies\": [\"b\"]}");
        write(second, "later.json", "{\"id\": \"later\", \"title\": \"Arrives late\", \"state\": \"PENDING\", "
                + "\"created_at\": \"2024-05-04T08:00:00Z\"}");
        Files.copy(first.resolve("a-needs-b.json"), second.resolve("a-needs-b.json"));

        ImportSummary two = stateDirectory.run(second.toString(), false);

        Task later = byExternalId("state-dir:later");
        assertThat(byExternalId("state-dir:c").getDependsOn()).as("b, imported before, found by its external id")
                .containsExactly(b.getId());
        assertThat(service.get(a.getId()).getDependsOn()).containsExactly(b.getId(), later.getId());
        assertThat(two.updated()).singleElement().satisfies(e -> assertThat(e.reason()).endsWith(": dependsOn"));
        assertThat(two.unresolved()).isEmpty();
        assertThat(service.verify(a.getId()).problems()).isEmpty();
        assertThat(stateDirectory.run(second.toString(), false).updated()).as("importing again changes nothing").isEmpty();
    }

    @Test
    void aCycleIsRejectedInEachOfItsFilesWithTheCycleSpelledOut() throws IOException {
        Path dir = Files.createDirectories(temp.resolve("cycle"));
        for (String[] t : new String[][] {{"p", "q"}, {"q", "r"}, {"r", "p"}}) {
            write(dir, t[0] + ".json", "{\"id\": \"" + t[0] + "\", \"title\": \"t\", \"state\": \"PENDING\", "
                    + "\"created_at\": \"2024-05-03T08:00:00Z\", \"dependencies\": [\"" + t[1] + "\"]}");
        }

        ImportSummary summary = stateDirectory.run(dir.toString(), false);

        assertThat(summary.rejected()).extracting(e -> e.file() + " | " + e.reason()).containsExactly(
                "p.json | dependency cycle: p → q → r → p", "q.json | dependency cycle: q → r → p → q",
                "r.json | dependency cycle: r → p → q → r");
        assertThat(mongo.getCollection("tasks").countDocuments()).isZero();
    }

    @Test
    void everyDependencyShapeBecomesAnEdgeAndABlockedTaskOfALaterImportIsLinkedThen() throws IOException {
        Path dir = Files.createDirectories(temp.resolve("shapes"));
        write(dir, "schema.json", "{\"id\": \"schema\", \"title\": \"Database schema\", \"state\": \"PENDING\", "
                + "\"created_at\": \"2024-05-03T08:00:00Z\", \"blocks\": [\"api\", \"ghost\"]}");
        write(dir, "api.json", "{\"id\": \"api\", \"title\": \"API\", \"state\": \"PENDING\", "
                + "\"created_at\": \"2024-05-03T08:00:00Z\"}");
        write(dir, "ui.json", "{\"id\": \"ui\", \"title\": \"UI\", \"state\": \"PENDING\", "
                + "\"created_at\": \"2024-05-03T08:00:00Z\", \"relationships\": {\"blocked_by\": [\"api\"]}, "
                + "\"depends_on\": [{\"task_id\": \"schema\"}, 42]}");

        ImportSummary summary = stateDirectory.run(dir.toString(), false);

        Task schema = byExternalId("state-dir:schema");
        Task api = byExternalId("state-dir:api");
        Task ui = byExternalId("state-dir:ui");
        assertThat(graph.dependencyIds(api.getId())).containsExactly(schema.getId());
        assertThat(graph.dependencyIds(ui.getId())).containsExactlyInAnyOrder(api.getId(), schema.getId());
        assertThat(api.getState()).isEqualTo(TaskState.BLOCKED);
        assertThat(summary.unresolved()).extracting(e -> e.file() + " | " + e.reason()).containsExactlyInAnyOrder(
                "schema.json | blocks ghost names no task of this import nor one imported before; left out",
                "ui.json | dependsOn 42 names no task of this import nor one imported before; left out");

        Path later = Files.createDirectories(temp.resolve("later"));
        write(later, "ghost.json", "{\"id\": \"ghost\", \"title\": \"Arrives later\", \"state\": \"PENDING\", "
                + "\"created_at\": \"2024-05-04T08:00:00Z\"}");
        stateDirectory.run(later.toString(), false);
        ImportSummary again = stateDirectory.run(dir.toString(), false);

        Task ghost = byExternalId("state-dir:ghost");
        assertThat(graph.dependencyIds(ghost.getId())).containsExactly(schema.getId());
        assertThat(ghost.getDependsOn()).containsExactly(schema.getId());
        assertThat(again.unresolved()).extracting(ImportSummary.Entry::id).containsExactly("ui");
    }

    @Test
    void eachAuditEntrysChecksumIsCheckedAndAMismatchIsReportedOnItsFile() throws IOException {
        assertThat(stateDirectory.run(dir(), true).checksumMismatches()).as("the fixture's checksums fit").isEmpty();
        Path dir = Files.createDirectories(temp.resolve("tampered"));
        String entry = "{\"timestamp\": \"2024-05-01T09:00:00\", \"from_state\": \"PENDING\", \"to_state\": "
                + "\"IN_PROGRESS\", \"actor\": \"otto\", \"details\": {\"note\": \"caf\u00e9\", \"n\": 1.5}";
        String fits = AuditChecksums.of(org.bson.Document.parse(entry + "}"));
        assertThat(fits).as("what Python's json.dumps(entry, sort_keys=True) hashes to")
                .isEqualTo("07e95a62d72f503332d621f70da639d3fd7b248038f9cd3241b559e949b99534");
        write(dir, "ok.json", "{\"id\": \"ok\", \"title\": \"Fine\", \"state\": \"IN_PROGRESS\", "
                + "\"created_at\": \"2024-05-01T08:00:00\", \"audit_log\": [" + entry + ", \"checksum\": \""
                + fits.substring(0, 8) + "\"}]}");
        write(dir, "bad.json", "{\"id\": \"bad\", \"title\": \"Edited\", \"state\": \"IN_PROGRESS\", "
                + "\"created_at\": \"2024-05-01T08:00:00\", \"audit_log\": [" + entry.replace("otto", "mallory")
                + ", \"checksum\": \"" + fits + "\"}]}");
        write(dir, "side.json", "{\"id\": \"side\", \"title\": \"Sidecar\", \"state\": \"IN_PROGRESS\", "
                + "\"created_at\": \"2024-05-01T08:00:00\"}");
        write(dir, "side.audit.jsonl", entry + ", \"checksum\": \"0000\"}\n");

        ImportSummary summary = stateDirectory.run(dir.toString(), false);

        assertThat(summary.checksumMismatches()).extracting(e -> e.file() + " | " + e.id() + " | " + e.reason())
                .satisfiesExactlyInAnyOrder(
                        r -> assertThat(r).startsWith("bad.json | bad | audit_log[0] records checksum " + fits
                                + ", but its content hashes to "),
                        r -> assertThat(r).startsWith("side.json | side | side.audit.jsonl line 1 records checksum 0000"));
        assertThat(summary.created()).as("imported as the files have them").hasSize(3);
        assertThat(summary.headline()).endsWith(", 2 checksum mismatches");
    }

    private static void write(Path dir, String name, String json) throws IOException {
        Files.writeString(dir.resolve(name), json);
    }

    private Task byExternalId(String externalId) {
        return service.list(TaskQuery.all()).tasks().stream().filter(t -> externalId.equals(t.getExternalId()))
                .findFirst().orElseThrow();
    }

    private static String dir() {
        return ApStateImportContract.fixture("state-dir").toString();
    }
}

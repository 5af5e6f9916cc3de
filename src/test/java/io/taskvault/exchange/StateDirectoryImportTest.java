package io.taskvault.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.TestPropertySource;

import io.taskvault.store.schema.Fixtures;
import io.taskvault.support.EmbeddedStoreTest;
import io.taskvault.task.Priority;
import io.taskvault.task.Task;
import io.taskvault.task.TaskQuery;
import io.taskvault.task.TaskService;
import io.taskvault.task.TaskState;
import io.taskvault.task.history.EventType;
import io.taskvault.task.history.HistoryEvent;

@EmbeddedStoreTest
@TestPropertySource(properties = "taskvault.schema.upgrade-on-start=false")
class StateDirectoryImportTest {

    @Autowired
    StateDirectoryImport stateDirectory;
    @Autowired
    TaskService service;
    @Autowired
    MongoTemplate mongo;

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
        assertThat(service.history(scan.getKey()).get(1).details()).containsEntry("sourceChecksum", "9f2c");
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

    private Task byExternalId(String externalId) {
        return service.list(TaskQuery.all()).tasks().stream().filter(t -> externalId.equals(t.getExternalId()))
                .findFirst().orElseThrow();
    }

    private static String dir() {
        return ApStateImportTest.fixture("state-dir").toString();
    }
}

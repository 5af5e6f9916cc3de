package io.taskvault.task;

import static io.taskvault.support.TaskDrafts.aTask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doCallRealMethod;
import static org.mockito.Mockito.doThrow;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import com.mongodb.client.model.Filters;

import io.taskvault.support.EmbeddedStoreTest;
import io.taskvault.task.history.EventType;
import io.taskvault.task.history.HistoryEvent;

/** A crash between a change's two writes never corrupts the task: the next read or start-up completes it. */
@EmbeddedStoreTest
class CrashBetweenWritesTest {

    @Autowired
    TaskService tasks;

    @Autowired
    CrashRepair repair;

    @Autowired
    MongoTemplate mongo;

    @MockitoSpyBean
    TaskStore store;

    @MockitoSpyBean
    HistoryStore history;

    @AfterEach
    void healWrites() {
        doCallRealMethod().when(store).apply(any());
        doCallRealMethod().when(history).insert(any());
    }

    @Test
    void aReadRollsForwardAnEventWhoseProjectionWasNeverWritten() {
        Task task = tasks.create(aTask().build(), "alice");
        doThrow(new IllegalStateException("crash after the event")).when(store).apply(any());

        assertThatThrownBy(() -> tasks.transition(task.getKey(), TaskState.QUEUED, "bob", "go"))
                .hasMessageContaining("crash after the event");
        assertThat(rawVersion(task)).isEqualTo(1);
        doCallRealMethod().when(store).apply(any());

        Task read = tasks.get(task.getKey());
        assertThat(read.getState()).isEqualTo(TaskState.QUEUED);
        assertThat(read.getVersion()).isEqualTo(2);
        assertThat(tasks.verify(task.getKey()).intact()).isTrue();
    }

    @Test
    void startUpRepairCompletesInterruptedChanges() {
        Task task = tasks.create(aTask().build(), "alice");
        doThrow(new IllegalStateException("crash after the event")).when(store).apply(any());
        assertThatThrownBy(() -> tasks.update(task.getKey(), java.util.Map.of("role", "ops"), "bob", null))
                .hasMessageContaining("crash");
        doCallRealMethod().when(store).apply(any());

        CrashRepair.Result result = repair.repairAll();

        assertThat(result.repaired()).isGreaterThanOrEqualTo(1);
        assertThat(rawVersion(task)).isEqualTo(2);
        assertThat(tasks.get(task.getKey()).getRole()).isEqualTo("ops");
        assertThat(repair.repairAll().repaired()).as("idempotent").isZero();
    }

    @Test
    void aCreatedEventLostAfterItsTaskWasStoredIsRebuiltIdentically() {
        doThrow(new IllegalStateException("crash before the event")).when(history).insert(any());
        assertThatThrownBy(() -> tasks.create(aTask().titled("Half created").build(), "alice"))
                .hasMessageContaining("crash before the event");
        doCallRealMethod().when(history).insert(any());
        Document raw = mongo.getCollection(Task.COLLECTION).find(Filters.eq("title", "Half created")).first();
        assertThat(raw).isNotNull();

        Task task = tasks.get(raw.getString("_id"));

        assertThat(tasks.history(task.getKey())).extracting(HistoryEvent::type).containsExactly(EventType.CREATED);
        assertThat(tasks.verify(task.getKey()).intact()).isTrue();
        tasks.transition(task.getKey(), TaskState.QUEUED, "alice", null);
        assertThat(tasks.verify(task.getKey()).intact()).isTrue();
    }

    @Test
    void aWriterThatFindsAnUnappliedEventAppliesItBeforeItsOwnChange() {
        Task task = tasks.create(aTask().build(), "alice");
        doThrow(new IllegalStateException("crash after the event")).when(store).apply(any());
        assertThatThrownBy(() -> tasks.addNote(task.getKey(), "first", "bob")).hasMessageContaining("crash");
        doCallRealMethod().when(store).apply(any());

        tasks.addNote(task.getKey(), "second", "carol");

        assertThat(tasks.history(task.getKey())).extracting(HistoryEvent::reason).containsExactly("created", "first", "second");
        assertThat(tasks.verify(task.getKey()).intact()).isTrue();
    }

    private long rawVersion(Task task) {
        return ((Number) mongo.getCollection(Task.COLLECTION).find(Filters.eq("_id", task.getId())).first()
                .get("version")).longValue();
    }
}

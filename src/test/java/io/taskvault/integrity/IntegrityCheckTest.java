package io.taskvault.integrity;

import static io.taskvault.support.TaskDrafts.aTask;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

import io.taskvault.integrity.IntegrityReport.Finding;
import io.taskvault.recovery.OpsTest;
import io.taskvault.task.Task;
import io.taskvault.task.TaskService;
import io.taskvault.task.TaskState;
import io.taskvault.task.history.HistoryEvent;

@OpsTest
class IntegrityCheckTest {

    @Autowired
    TaskService tasks;
    @Autowired
    IntegrityCheck check;
    @Autowired
    MongoTemplate mongo;

    private Task withThreeEvents() {
        Task task = tasks.create(aTask().build(), "test");
        tasks.transition(task.getId(), TaskState.QUEUED, "test", "queued");
        tasks.addNote(task.getId(), "looks fine", "test");
        return tasks.get(task.getId());
    }

    private List<Finding> findingsFor(Task task) {
        return check.verifyAll().findings().stream().filter(f -> f.taskKey().equals(task.getKey())).toList();
    }

    @Test
    void findsNothingWrongWithUntouchedTasks() {
        Task task = withThreeEvents();

        assertThat(findingsFor(task)).isEmpty();
        assertThat(check.lastReport()).isPresent();
    }

    @Test
    void reportsATamperedEvent() {
        Task task = withThreeEvents();
        mongo.getCollection(HistoryEvent.COLLECTION).updateOne(Filters.eq("_id", HistoryEvent.idOf(task.getId(), 2)),
                Updates.set("reason", "nothing to see"));

        assertThat(findingsFor(task)).anySatisfy(f -> {
            assertThat(f.kind()).isEqualTo("CHAIN");
            assertThat(f.problem()).startsWith("event 2 was altered: its hash is").contains("its content hashes to");
        });
    }

    @Test
    void reportsADeletedEvent() {
        Task task = withThreeEvents();
        mongo.getCollection(HistoryEvent.COLLECTION).deleteOne(Filters.eq("_id", HistoryEvent.idOf(task.getId(), 2)));

        assertThat(findingsFor(task)).anySatisfy(f -> {
            assertThat(f.kind()).isEqualTo("CHAIN");
            assertThat(f.problem()).isEqualTo("event 2 is missing (found 3 next)");
        });
    }

    @Test
    void reportsATaskEditedBehindItsHistory() {
        Task task = withThreeEvents();
        mongo.getCollection(Task.COLLECTION).updateOne(Filters.eq("_id", task.getId()),
                Updates.set("title", "edited directly"));

        assertThat(findingsFor(task)).containsExactly(new Finding(task.getKey(), "PROJECTION",
                "field 'title': its events say '" + task.getTitle() + "', the task has 'edited directly'"));
    }

    @Test
    void reportsAFieldNoEventSet() {
        Task task = withThreeEvents();
        mongo.getCollection(Task.COLLECTION).updateOne(Filters.eq("_id", task.getId()), Updates.set("sneaky", new Document("a", 1)));

        assertThat(findingsFor(task)).extracting(Finding::problem)
                .containsExactly("field 'sneaky': its events say (absent), the task has Document{{a=1}}");
    }
}

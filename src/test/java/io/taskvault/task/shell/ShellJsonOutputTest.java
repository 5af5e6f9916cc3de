package io.taskvault.task.shell;

import static io.taskvault.support.TaskDrafts.aTask;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.taskvault.system.shell.ShellRunner;
import io.taskvault.task.Task;
import io.taskvault.task.TaskService;
import io.taskvault.task.TaskState;
import io.taskvault.task.history.EventType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code --json} prints one JSON document and nothing else, so scripts can parse what a command did. */
@ShellTest
class ShellJsonOutputTest {

    @Autowired
    ShellRunner runner;
    @Autowired
    TaskService tasks;
    @Autowired
    JsonMapper mapper;

    JsonNode json(String line) {
        ShellDriver.Result result = new ShellDriver(runner).run(line);
        assertThat(result.exitCode()).as(line + ": " + result.err()).isZero();
        return mapper.readTree(result.screen());
    }

    @Test
    void showAndEditPrintTheTask() {
        Task task = tasks.create(aTask().titled("Json shown").build(), "t");

        JsonNode shown = json("show " + task.getKey() + " --json");
        JsonNode edited = json("edit " + task.getKey() + " --set title=\"Json edited\" --json");

        assertThat(shown.get("key").asString()).isEqualTo(task.getKey());
        assertThat(shown.get("title").asString()).isEqualTo("Json shown");
        assertThat(edited.get("title").asString()).isEqualTo("Json edited");
        assertThat(tasks.get(task.getKey()).getTitle()).isEqualTo("Json edited");
    }

    @Test
    void lifecycleCommandsPrintTheMovedTaskOrTasks() {
        Task one = tasks.create(aTask().build(), "t");
        Task two = tasks.create(aTask().build(), "t");

        JsonNode queued = json("queue " + one.getKey() + " --json");
        JsonNode blocked = json("block " + one.getKey() + " " + two.getKey() + " --yes --json");

        assertThat(queued.get("state").asString()).isEqualTo("QUEUED");
        assertThat(blocked.isArray()).isTrue();
        assertThat(blocked).extracting(n -> n.get("key").asString()).containsExactly(one.getKey(), two.getKey());
        assertThat(tasks.get(two.getKey()).getState()).isEqualTo(TaskState.BLOCKED);
    }

    @Test
    void noteHistoryAndOutputsPrintTheirRecords() {
        Task task = tasks.create(aTask().build(), "t");

        JsonNode note = json("note " + task.getKey() + " json note --json");
        JsonNode history = json("history " + task.getKey() + " --json");
        JsonNode output = json("output add " + task.getKey() + " --text \"BUILD SUCCESS\" --json");
        JsonNode outputs = json("output list " + task.getKey() + " --json");

        assertThat(note.get("type").asString()).isEqualTo(EventType.NOTE.name());
        assertThat(history).extracting(n -> n.get("type").asString()).containsExactly("CREATED", "NOTE");
        assertThat(output.get("seq").asLong()).isEqualTo(1);
        assertThat(outputs).hasSize(1);
        assertThat(tasks.outputs(task.getKey())).hasSize(1);
    }

    @Test
    void statsVerifyAndSessionsPrintTheirReports() {
        Task task = tasks.create(aTask().build(), "t");

        JsonNode stats = json("stats --json");
        JsonNode verify = json("verify " + task.getKey() + " --json");
        JsonNode sessions = json("sessions --json");

        assertThat(stats.get("total").asLong()).isPositive();
        assertThat(verify).singleElement().satisfies(r -> {
            assertThat(r.get("taskKey").asString()).isEqualTo(task.getKey());
            assertThat(r.get("problems")).isEmpty();
        });
        assertThat(sessions.isArray()).isTrue();
    }
}

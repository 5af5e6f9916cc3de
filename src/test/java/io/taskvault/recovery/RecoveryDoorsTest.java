package io.taskvault.recovery;

import static io.taskvault.support.TaskDrafts.aTask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.shell.test.ShellTestClient;
import org.springframework.test.web.servlet.MockMvc;

import io.taskvault.task.Task;
import io.taskvault.task.TaskService;
import io.taskvault.task.TaskState;

/** Recovery through REST and the shell: heartbeats, a pass, retries, and the refusals. */
@OpsDoorsTest
class RecoveryDoorsTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ShellTestClient shell;
    @Autowired
    TaskService tasks;
    @Autowired
    MovableClock clock;

    private Task running() {
        Task task = tasks.create(aTask().build(), "test");
        tasks.transition(task.getId(), TaskState.QUEUED, "test", "queued");
        return tasks.transition(task.getId(), TaskState.RUNNING, "worker", "started");
    }

    private static String text(org.springframework.shell.test.ShellScreen screen) {
        return String.join("\n", screen.lines());
    }

    @Test
    void restRunsAPassThatInterruptsAnExpiredTaskAndRetriesIt() throws Exception {
        Task task = running();
        clock.advance(Duration.ofMinutes(11));

        mvc.perform(post("/api/recovery/run")).andExpect(status().isOk())
                .andExpect(jsonPath("$.interrupted", hasItem(task.getKey())));
        mvc.perform(get("/api/recovery")).andExpect(status().isOk())
                .andExpect(jsonPath("$.last.interrupted", hasItem(task.getKey())));
        assertThat(tasks.get(task.getId()).getState()).isEqualTo(TaskState.INTERRUPTED);

        mvc.perform(post("/api/tasks/" + task.getKey() + "/recover")).andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("PENDING"));
        assertThat(tasks.get(task.getId()).getAttempt()).isEqualTo(1);
    }

    @Test
    void restRenewsALeaseAndRefusesAHeartbeatForATaskThatIsNotRunning() throws Exception {
        Task task = running();
        Task idle = tasks.create(aTask().build(), "test");

        mvc.perform(post("/api/tasks/" + task.getKey() + "/heartbeat")).andExpect(status().isOk())
                .andExpect(jsonPath("$.heartbeatAt").isNotEmpty());
        mvc.perform(post("/api/tasks/" + idle.getKey() + "/heartbeat")).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("only a RUNNING task takes heartbeats")));
        mvc.perform(post("/api/tasks/TV-999999/recover")).andExpect(status().isNotFound());
    }

    @Test
    void shellShowsAPassItsStatusAndRetriesEveryInterruptedTask() throws Exception {
        Task task = running();
        clock.advance(Duration.ofMinutes(11));

        assertThat(text(shell.sendCommand("recovery run"))).containsPattern("recovered [1-9]\\d* of \\d+ running tasks in \\d+ ms");
        assertThat(text(shell.sendCommand("recovery status"))).contains("start-up: recovered").contains("last: ");
        assertThat(text(shell.sendCommand("recovery retry --all=true"))).contains(task.getKey());
        assertThat(tasks.get(task.getId()).getState()).isEqualTo(TaskState.PENDING);
    }

    @Test
    void shellRenewsALeaseAndNamesWhatWasWrong() throws Exception {
        Task task = running();

        assertThat(text(shell.sendCommand("heartbeat " + task.getKey()))).contains(task.getKey() + " lease renewed at ");
        assertThatThrownBy(() -> shell.sendCommand("recovery retry")).rootCause()
                .hasMessage("name the task to retry (TV-42), or pass --all=true");
        assertThat(tasks.get(task.getId()).getHeartbeatAt()).isNotNull();
    }
}

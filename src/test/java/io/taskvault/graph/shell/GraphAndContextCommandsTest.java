package io.taskvault.graph.shell;

import static io.taskvault.support.TaskDrafts.aTask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.shell.test.ShellAssertions;
import org.springframework.shell.test.ShellTestClient;
import org.springframework.shell.test.autoconfigure.ShellTest;

import io.taskvault.support.EmbeddedStoreTest;
import io.taskvault.task.Task;
import io.taskvault.task.TaskService;

/** The shell commands of the graph and context packages, end to end through the command parser. */
@ShellTest
@EmbeddedStoreTest
class GraphAndContextCommandsTest {

    @Autowired
    ShellTestClient shell;
    @Autowired
    TaskService tasks;

    @Test
    void linksTasksPicksTheNextAndShowsContextHealth() throws Exception {
        String role = "shell-" + System.nanoTime();
        Task a = tasks.create(aTask().withRole(role).build(), "test");
        Task b = tasks.create(aTask().withRole(role).build(), "test");

        ShellAssertions.assertThat(shell.sendCommand("edge add --from " + a.getKey() + " --type blocks --to " + b.getKey()))
                .containsText("linked: " + a.getKey() + " blocks " + b.getKey());
        ShellAssertions.assertThat(shell.sendCommand("next --role " + role)).containsText(a.getKey())
                .containsText("unblocks 1 task (" + b.getKey() + ")");
        ShellAssertions.assertThat(shell.sendCommand("critical-path --task " + b.getKey()))
                .containsText(a.getKey() + " → " + b.getKey());
        assertThatThrownBy(() -> shell.sendCommand("edge add --from " + b.getKey() + " --to " + a.getKey()))
                .rootCause().hasMessageContaining(b.getKey() + " → " + a.getKey() + " → " + b.getKey());

        ShellAssertions.assertThat(shell.sendCommand("context validation " + b.getKey()
                + " --type tests --validator junit --status FAILED --score 30")).containsText("added validations #1");
        ShellAssertions.assertThat(shell.sendCommand("context list " + b.getKey() + " --kind validations"))
                .containsText("FAILED tests by junit score=30.0");
        assertThat(shell.sendCommand("context-health " + b.getKey()).lines())
                .anyMatch(l -> l.contains("failing validations: junit tests FAILED"));
        ShellAssertions.assertThat(shell.sendCommand("prompt-context " + b.getKey() + " --chars 2000"))
                .containsText("## Latest validation feedback");
    }
}

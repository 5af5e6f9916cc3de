package io.taskvault.context.shell;

import static io.taskvault.support.TaskDrafts.aTask;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.shell.test.ShellAssertions;
import org.springframework.shell.test.ShellTestClient;

import io.taskvault.context.AiInteraction;
import io.taskvault.context.CodebaseContext;
import io.taskvault.context.ContextKind;
import io.taskvault.context.ContextService;
import io.taskvault.context.PerformanceMetric;
import io.taskvault.context.RequirementContext;
import io.taskvault.context.ValidationResult;
import io.taskvault.context.ValidationStatus;
import io.taskvault.support.EmbeddedStoreTest;
import io.taskvault.task.Task;
import io.taskvault.task.TaskService;
import io.taskvault.task.shell.ShellDriver;

/** The context commands through Spring Shell's parser: what they print and what they store, errors included. */
@EmbeddedStoreTest
class ContextCommandsTest {

    @Autowired
    ShellTestClient shell;
    @Autowired
    TaskService tasks;
    @Autowired
    ContextService context;
    @Autowired
    ApplicationContext application;

    ShellDriver.Result run(String line) {
        return ShellDriver.of(application).run(line);
    }

    @Test
    void requirementCodebaseAndMetricRecordsAreStoredWithWhatWasTyped() throws Exception {
        Task task = tasks.create(aTask().build(), "t");
        String key = task.getKey();

        ShellAssertions.assertThat(shell.sendCommand("context requirement " + key
                + " --type acceptance --text \"login keeps the return URL\" --source issue-12"))
                .containsText("added requirements #1");
        ShellAssertions.assertThat(shell.sendCommand("context codebase " + key
                + " --repository git@host:app.git --commit 3f2a9c1 --files src/Login.java,src/Auth.java"))
                .containsText("added codebase #1");
        ShellAssertions.assertThat(shell.sendCommand("context metric " + key + " --name build-time --value 42.5 --unit s"))
                .containsText("added metrics #1");

        assertThat(context.list(key, RequirementContext.class, 5)).singleElement().satisfies(r -> {
            assertThat(r.type()).isEqualTo("acceptance");
            assertThat(r.content()).containsEntry("text", "login keeps the return URL");
        });
        assertThat(context.list(key, CodebaseContext.class, 5)).singleElement().satisfies(c -> {
            assertThat(c.commit()).isEqualTo("3f2a9c1");
            assertThat(c.affectedFiles()).containsExactly("src/Login.java", "src/Auth.java");
        });
        assertThat(context.list(key, PerformanceMetric.class, 5)).singleElement()
                .satisfies(m -> assertThat(m.value()).isEqualTo(42.5));
    }

    @Test
    void anAiInteractionIsRecordedAndShownWithItsRequestAndResponse() throws Exception {
        Task task = tasks.create(aTask().build(), "t");
        String key = task.getKey();

        shell.sendCommand("context ai " + key + " --agent claude --request \"write the test\" --response done --tokens 1200");
        shell.sendCommand("context ai " + key + " --agent claude --request \"try again\" --success=false");
        String list = String.join("\n", shell.sendCommand("context list " + key + " --kind ai-interactions").lines());
        String shown = String.join("\n", shell.sendCommand("context show " + key + " --kind ai-interactions --seq 1").lines());

        assertThat(context.list(key, AiInteraction.class, 5)).extracting(AiInteraction::failed)
                .containsExactlyInAnyOrder(false, true);
        assertThat(list).contains("#1", "claude prompt ok tokens=1200", "#2", "FAILED");
        assertThat(shown).contains("--- request ---", "write the test", "--- response ---", "done");
    }

    @Test
    void aValidationFeedsTheHealthScoreAndThePromptContext() throws Exception {
        Task task = tasks.create(aTask().build(), "t");
        String key = task.getKey();

        ShellAssertions.assertThat(shell.sendCommand("context validation " + key
                + " --type tests --validator junit --status FAILED --score 30")).containsText("added validations #1");
        ShellAssertions.assertThat(shell.sendCommand("context list " + key + " --kind validations"))
                .containsText("FAILED tests by junit score=30.0");
        assertThat(shell.sendCommand("context-health " + key).lines())
                .anyMatch(l -> l.contains("failing validations: junit tests FAILED"));
        ShellAssertions.assertThat(shell.sendCommand("prompt-context " + key + " --chars 2000"))
                .containsText("## Latest validation feedback");
        ShellDriver.Result health = run("context-health " + key + " --json");
        ShellDriver.Result prompt = run("prompt-context " + key + " --format json --chars 2000");

        assertThat(context.list(key, ValidationResult.class, 5)).singleElement()
                .satisfies(v -> assertThat(v.status()).isEqualTo(ValidationStatus.FAILED));
        assertThat(health.screen()).contains("\"taskKey\" : \"" + key + "\"", "\"reasons\"");
        assertThat(prompt.exitCode()).isZero();
        assertThat(prompt.screen()).startsWith("{");
    }

    @Test
    void listAndShowPrintJsonForScripts() {
        Task task = tasks.create(aTask().build(), "t");
        run("context metric " + task.getKey() + " --name coverage --value 81 --unit %");

        ShellDriver.Result list = run("context list " + task.getKey() + " --kind metrics --json");
        ShellDriver.Result show = run("context show " + task.getKey() + " --kind metrics --seq 1 --json");

        assertThat(list.screen()).startsWith("[").contains("\"name\" : \"coverage\"");
        assertThat(show.screen()).startsWith("{").contains("\"seq\" : 1", "\"unit\" : \"%\"");
    }

    @Test
    void badValuesUnknownTasksAndMissingRecordsAreOneLineErrorsThatStoreNothing() {
        Task task = tasks.create(aTask().build(), "t");
        String key = task.getKey();

        ShellDriver.Result unknownTask = run("context metric TV-99999 --name x --value 1");
        ShellDriver.Result kind = run("context list " + key + " --kind gossip");
        ShellDriver.Result status = run("context validation " + key + " --type tests --validator junit --status NOPE");
        ShellDriver.Result limit = run("context list " + key + " --kind metrics --limit -1");
        ShellDriver.Result format = run("prompt-context " + key + " --format yaml");
        ShellDriver.Result missingRecord = run("context show " + key + " --kind metrics --seq 7");
        ShellDriver.Result missingText = run("context requirement " + key + " --type acceptance");

        assertThat(unknownTask.exitCode()).isEqualTo(3);
        assertThat(unknownTask.err()).containsExactly("error: No task TV-99999 exists; 'list' shows the tasks there are");
        assertThat(kind.exitCode()).isEqualTo(2);
        assertThat(kind.err()).singleElement().asString().contains("gossip", "validations");
        assertThat(status.exitCode()).isEqualTo(2);
        assertThat(status.err()).singleElement().asString().startsWith("error: bad option value:").contains("NOPE");
        assertThat(limit.exitCode()).isEqualTo(2);
        assertThat(limit.err()).singleElement().asString().contains("--limit: must be a positive number, not -1");
        assertThat(format.err()).singleElement().asString().contains("'yaml' is not a format; use markdown or json");
        assertThat(missingRecord.exitCode()).isEqualTo(3);
        assertThat(missingRecord.err()).containsExactly("error: Task " + key
                + " has no metrics record #7; 'context list' shows the records there are");
        assertThat(missingText.err()).singleElement().asString().contains("Required option '--text' is missing");
        for (ContextKind k : ContextKind.values()) {
            assertThat(context.count(key, k)).as(k.label()).isZero();
        }
    }
}

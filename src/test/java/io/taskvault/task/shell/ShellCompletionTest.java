package io.taskvault.task.shell;

import static io.taskvault.support.TaskDrafts.aTask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jline.reader.Candidate;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.shell.jline.CommandCompleter;

import io.taskvault.task.Priority;
import io.taskvault.task.Task;
import io.taskvault.task.TaskService;

/** Tab completion through the prompt's own parser and completer, as JLine calls them. */
@ShellTest
class ShellCompletionTest {

    @Autowired
    CommandCompleter completer;
    @Autowired
    Parser parser;
    @Autowired
    TaskService tasks;

    /** The candidates JLine would show: those starting with the word under the cursor (at the end of the line). */
    List<String> complete(String line) {
        ParsedLine parsed = parser.parse(line, line.length(), Parser.ParseContext.COMPLETE);
        List<Candidate> candidates = new ArrayList<>();
        completer.complete(null, parsed, candidates);
        return candidates.stream().map(Candidate::value).filter(v -> v.startsWith(parsed.word())).distinct().toList();
    }

    @Test
    void completesTaskKeysForTaskArgumentsButNotAfterTheTaskIsNamed() {
        Task task = tasks.create(aTask().build(), "t");

        assertThat(complete("show ")).contains(task.getKey(), "--json");
        assertThat(complete("start TV-")).contains(task.getKey());
        assertThat(complete("queue " + task.getKey() + " TV-")).contains(task.getKey());
        assertThat(complete("output list TV")).contains(task.getKey());
        assertThat(complete("output show " + task.getKey() + " ")).doesNotContain(task.getKey());
        assertThat(complete("upstream TV-")).contains(task.getKey());
        assertThat(complete("context-health TV-")).contains(task.getKey());
        assertThat(complete("list ")).doesNotContain(task.getKey());
    }

    @Test
    void completesStateNamesWithASpaceAnEqualsSignOrAfterAComma() {
        assertThat(complete("list --state RU")).containsExactly("RUNNING");
        assertThat(complete("list --state=RU")).containsExactly("--state=RUNNING");
        assertThat(complete("list -s=QU")).containsExactly("-s=QUEUED");
        assertThat(complete("list --state RUNNING,QU")).containsExactly("RUNNING,QUEUED");
        assertThat(complete("list --state ")).contains("PENDING", "RUNNING", "ARCHIVED").doesNotContain("--sort");
    }

    @Test
    void completesPrioritiesSortFieldsAndOutputTypes() {
        assertThat(complete("list --priority ")).containsExactly("LOW", "MEDIUM", "HIGH", "CRITICAL");
        assertThat(complete("add Fix it --priority=H")).containsExactly("--priority=HIGH");
        assertThat(complete("list --sort pr")).containsExactly("priority");
        assertThat(complete("output add TV-1 --type ART")).containsExactly("ARTIFACT");
        assertThat(complete("edit TV-1 --set pri")).containsExactly("priority=");
    }

    @Test
    void completesRolesProvidersAndTagsSeenInTheStore() {
        tasks.create(aTask().withRole("completion-role").withProvider("completion-provider").withTags("completion-tag")
                .withPriority(Priority.LOW).build(), "t");

        //why: roles and providers come from the statistics, which are cached for up to a second
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(complete("list --role completion-")).containsExactly("completion-role"));
        assertThat(complete("list --provider=completion-")).containsExactly("--provider=completion-provider");
        assertThat(complete("list --tag completion-")).containsExactly("completion-tag");
        assertThat(complete("next --role completion-")).containsExactly("completion-role");
    }

    @Test
    void completesTaskKeysForOptionsThatNameTasks() {
        Task task = tasks.create(aTask().build(), "t");

        assertThat(complete("add Follow-up --depends-on TV-")).contains(task.getKey());
        assertThat(complete("edge add --from TV-")).contains(task.getKey());
        assertThat(complete("edge add --from " + task.getKey() + " --type ")).containsExactly("blocks", "relates-to",
                "subtask-of");
        assertThat(complete("critical-path --task TV-")).contains(task.getKey());
        assertThat(complete("list --from TV-")).isEmpty();
    }

    @Test
    void completesContextKindsAndEnumOptionsOfOtherPackages() {
        assertThat(complete("context list TV-1 --kind val")).containsExactly("validations");
        assertThat(complete("context validation TV-1 --status PA")).containsExactly("PASSED");
        assertThat(complete("prompt-context TV-1 --format j")).containsExactly("json");
    }

    @Test
    void completesOptionNamesButNoValueAfterAFlag() {
        assertThat(complete("list ")).contains("--state", "--sort", "--json");
        assertThat(complete("list --st")).containsExactly("--state", "--story");
        assertThat(complete("list --sta")).containsExactly("--state");
        assertThat(complete("list --state RUNNING --")).doesNotContain("--state").contains("--role");
        assertThat(complete("show --json ")).doesNotContain("true");
    }

    @Test
    void completesCommandNamesSubCommandsAndTheCommandsHelpExplains() {
        assertThat(complete("arc")).contains("archive");
        assertThat(complete("output ")).containsExactlyInAnyOrder("add", "list", "show");
        assertThat(complete("archive s")).containsExactlyInAnyOrder("search", "show", "status");
        assertThat(complete("help out")).containsExactly("output");
        assertThat(complete("help output s")).containsExactly("show");
    }
}

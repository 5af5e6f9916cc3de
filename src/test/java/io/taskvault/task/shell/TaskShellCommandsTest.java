package io.taskvault.task.shell;

import static io.taskvault.support.TaskDrafts.aTask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.time.Duration;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.shell.test.ShellScreen;
import org.springframework.shell.test.ShellTestClient;

import io.taskvault.system.shell.ShellActor;
import io.taskvault.system.shell.ShellSessions;
import io.taskvault.task.Priority;
import io.taskvault.task.Task;
import io.taskvault.task.TaskService;
import io.taskvault.task.TaskState;
import io.taskvault.task.history.EventType;
import io.taskvault.task.output.OutputType;

@ShellTest
class TaskShellCommandsTest {

    @Autowired
    ShellTestClient shell;
    @Autowired
    TaskService tasks;

    private String text(ShellScreen screen) {
        return String.join("\n", screen.lines());
    }

    private Task newest() {
        return tasks.list(io.taskvault.task.TaskQuery.all().sortedBy(io.taskvault.task.TaskQuery.SortField.CREATED, true)
                .withLimit(1, 0)).tasks().get(0);
    }

    @Test
    void addStoresATaskTitledByItsWordsWithTheGivenFields() throws Exception {
        ShellScreen screen = shell.sendCommand("add Fix the login redirect --role backend --priority high --tags auth,bug");

        Task stored = newest();
        assertThat(text(screen)).contains("Created " + stored.getKey(), "PENDING", "Fix the login redirect");
        assertThat(stored.getTitle()).isEqualTo("Fix the login redirect");
        assertThat(stored.getRole()).isEqualTo("backend");
        assertThat(stored.getPriority()).isEqualTo(Priority.HIGH);
        assertThat(stored.getTags()).containsExactly("auth", "bug");
        assertThat(stored.getCreatedBy()).isEqualTo(ShellActor.name());
    }

    @Test
    void listFiltersByStateRoleAndTextAndPrintsATable() throws Exception {
        Task queued = tasks.create(aTask().titled("Queue me shellfilter").withRole("frontend").build(), "t");
        tasks.transition(queued.getKey(), TaskState.QUEUED, "t", null);
        Task pending = tasks.create(aTask().titled("Leave me shellfilter").withRole("frontend").build(), "t");

        String screen = text(shell.sendCommand("list --state QUEUED --role frontend --text shellfilter"));

        assertThat(screen).contains("KEY", "STATE", "TITLE", queued.getKey(), "Queue me shellfilter", "1 of 1 task")
                .doesNotContain(pending.getKey() + " ");
    }

    @Test
    void listTakesSearchForItsWordsAsTheApiAndTheDashboardDo() throws Exception {
        Task found = tasks.create(aTask().titled("Found by shellsearch").build(), "t");
        Task other = tasks.create(aTask().titled("Not this one").build(), "t");

        String screen = text(shell.sendCommand("list --search shellsearch"));
        String exported = text(shell.sendCommand("export tasks --format csv --search shellsearch"));
        String blankText = text(shell.sendCommand("list --text \"\" --search shellsearch"));

        assertThat(screen).contains(found.getKey(), "1 of 1 task").doesNotContain(other.getKey() + " ");
        assertThat(exported).contains(found.getKey() + ",").doesNotContain(other.getKey() + ",");
        assertThat(blankText).contains(found.getKey(), "1 of 1 task");
    }

    @Test
    void listSaysMoreFollowOnlyWhenTheyDo() throws Exception {
        tasks.create(aTask().titled("First shellmore").build(), "t");
        tasks.create(aTask().titled("Second shellmore").build(), "t");

        String exact = text(shell.sendCommand("list --text shellmore --limit 2"));
        String cut = text(shell.sendCommand("list --text shellmore --limit 1"));

        assertThat(exact).contains("2 of 2 tasks").doesNotContain("more:");
        assertThat(cut).contains("1 of 2 tasks", "more: raise --limit");
    }

    @Test
    void listAsJsonGivesTheTasksForScripts() throws Exception {
        Task task = tasks.create(aTask().titled("Json listed shelljson").build(), "t");

        String screen = text(shell.sendCommand("list --text shelljson --json"));

        assertThat(screen).contains("\"key\" : \"" + task.getKey() + "\"", "\"total\" : 1");
    }

    @Test
    void showPrintsFieldsDependenciesHistoryOutputsAndChain() throws Exception {
        Task dependency = tasks.create(aTask().titled("Dependency").build(), "t");
        Task task = tasks.create(aTask().titled("Shown task").withRole("qa").build(), "t");
        tasks.update(task.getKey(), java.util.Map.of("dependsOn", List.of(dependency.getKey())), "t", null);
        tasks.addNote(task.getKey(), "looked at it", "t");

        String screen = text(shell.sendCommand("show " + task.getKey().substring(3)));

        int events = tasks.history(task.getId()).size();
        assertThat(screen).contains(task.getKey() + "  Shown task  BLOCKED", "role", "qa", "Depends on",
                dependency.getKey() + "  Dependency  (PENDING)", "Recent history (" + events + " events)", "NOTE",
                "\"looked at it\"", "Outputs (0)", "Chain  intact (" + events + " events)")
                .doesNotContain("historySeq", "schemaVersion", "outputSeq", dependency.getId());
    }

    @Test
    void editChangesRepeatedAndCommaSeparatedFields() throws Exception {
        Task task = tasks.create(aTask().titled("Before").build(), "t");

        shell.sendCommand("edit " + task.getKey() + " --set title=\"After edit\" --set priority=CRITICAL,tags=a,b");

        Task stored = tasks.get(task.getKey());
        assertThat(stored.getTitle()).isEqualTo("After edit");
        assertThat(stored.getPriority()).isEqualTo(Priority.CRITICAL);
        assertThat(stored.getTags()).containsExactly("a", "b");
    }

    @Test
    void lifecycleCommandsMoveATaskFromQueueToCompletionAndThroughArchiveAndRestore() throws Exception {
        Task task = tasks.create(aTask().build(), "t");
        String key = task.getKey();

        shell.sendCommand("queue " + key);
        shell.sendCommand("start " + key);
        ShellScreen completed = shell.sendCommand("complete " + key + " --reason merged");
        shell.sendCommand("archive " + key + " --yes=true");
        assertThat(tasks.get(key).getState()).isEqualTo(TaskState.ARCHIVED);
        shell.sendCommand("restore " + key);

        assertThat(text(completed)).contains(key + " is now COMPLETED");
        assertThat(tasks.get(key).getState()).isEqualTo(TaskState.COMPLETED);
        assertThat(tasks.history(key)).extracting(e -> e.toState()).containsSubsequence(TaskState.QUEUED,
                TaskState.RUNNING, TaskState.COMPLETED, TaskState.ARCHIVED, TaskState.COMPLETED);
    }

    @Test
    void failRecordsTheReasonAndRetrySendsTheTaskBack() throws Exception {
        Task task = tasks.create(aTask().build(), "t");
        tasks.transition(task.getKey(), TaskState.QUEUED, "t", null);
        tasks.transition(task.getKey(), TaskState.RUNNING, "t", null);

        shell.sendCommand("fail " + task.getKey() + " --reason \"tests red on CI\"");
        assertThat(tasks.get(task.getKey()).getLastError()).isEqualTo("tests red on CI");
        shell.sendCommand("retry " + task.getKey());

        Task stored = tasks.get(task.getKey());
        assertThat(stored.getState()).isEqualTo(TaskState.PENDING);
        assertThat(stored.getAttempt()).isEqualTo(1);
    }

    @Test
    void bulkBlockWithYesMovesEveryTaskAndUnblockBringsThemBack() throws Exception {
        Task one = tasks.create(aTask().build(), "t");
        Task two = tasks.create(aTask().build(), "t");

        shell.sendCommand("block " + one.getKey() + " " + two.getKey() + " --yes=true --reason waiting");
        assertThat(List.of(tasks.get(one.getKey()).getState(), tasks.get(two.getKey()).getState()))
                .containsOnly(TaskState.BLOCKED);
        shell.sendCommand("unblock " + one.getKey());

        assertThat(tasks.get(one.getKey()).getState()).isEqualTo(TaskState.PENDING);
    }

    @Test
    void noteAndHistoryShowFieldDiffsAndChainStatus() throws Exception {
        Task task = tasks.create(aTask().titled("Old title").build(), "t");
        tasks.update(task.getKey(), java.util.Map.of("title", "New title"), "t", null);

        shell.sendCommand("note " + task.getKey() + " waiting for review");
        String screen = text(shell.sendCommand("history " + task.getKey()));

        assertThat(tasks.history(task.getKey())).extracting(e -> e.type()).contains(EventType.NOTE);
        assertThat(screen).contains("UPDATED", "title: \"Old title\" → \"New title\"", "NOTE", "\"waiting for review\"",
                "Chain  intact (3 events)");
    }

    @Test
    void outputsAreAddedListedShownAsTextAndArtifactsSavedToAFile(@TempDir Path dir) throws Exception {
        Task task = tasks.create(aTask().build(), "t");
        Path artifact = Files.write(dir.resolve("report.bin"), new byte[] {1, 2, 3, 4});

        shell.sendCommand("output add " + task.getKey() + " --type STDOUT --text \"BUILD SUCCESS\"");
        shell.sendCommand("output add " + task.getKey() + " --type artifact --file " + artifact);
        String list = text(shell.sendCommand("output list " + task.getKey()));
        String shown = text(shell.sendCommand("output show " + task.getKey() + " 1"));
        Path saved = dir.resolve("saved.bin");
        shell.sendCommand("output show " + task.getKey() + " 2 --to " + saved);

        assertThat(tasks.outputs(task.getKey())).extracting(o -> o.type()).containsExactly(OutputType.STDOUT, OutputType.ARTIFACT);
        assertThat(list).contains("STDOUT", "ARTIFACT", "report.bin", "4 B");
        assertThat(shown).contains("BUILD SUCCESS");
        assertThat(Files.readAllBytes(saved)).containsExactly(1, 2, 3, 4);
    }

    @Test
    void statsAndVerifySummariseEveryTask() throws Exception {
        tasks.create(aTask().withRole("stats-role").build(), "t");

        String verify = text(shell.sendCommand("verify"));

        //why: statistics are cached for up to a second (StatisticsCache); another test may just have read them
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(text(shell.sendCommand("stats")))
                .contains("tasks", "by state", "PENDING", "stats-role 1"));
        assertThat(verify).contains("checked", "all chains intact");
    }

    @Test
    void helpListsGroupedCommandsAndShowsAnExamplePerCommand() throws Exception {
        String all = text(shell.sendCommand("help"));
        String one = text(shell.sendCommand("help list"));

        assertThat(all).contains("Tasks", "Lifecycle", "History", "Outputs", "Reports", "add", "output show", "sessions");
        assertThat(one).contains("--state", "--sort", "Example:", "list --state RUNNING,QUEUED");
    }

    @Test
    void sessionsListsRecordedSessionsAndTheirCommands(@Autowired ShellSessions sessions) throws Exception {
        String id = sessions.start("interactive");
        sessions.record(id, "list --state RUNNING", java.time.Instant.now(), java.time.Duration.ofMillis(12), 0);
        sessions.end(id);

        String list = text(shell.sendCommand("sessions"));
        String one = text(shell.sendCommand("sessions " + id.substring(0, 8)));

        assertThat(list).contains(id.substring(0, 8), "interactive", ShellActor.name());
        assertThat(one).contains("list --state RUNNING", "12 ms");
        assertThat(sessions.find(id)).get().satisfies(s -> {
            assertThat(s.endedAt()).isNotNull();
            assertThat(s.schemaVersion()).isEqualTo(ShellSessions.SCHEMA_VERSION);
            assertThat(s.commands()).singleElement().satisfies(c -> assertThat(c.exitStatus()).isZero());
        });
    }
}

package io.taskvault.task.shell;

import static io.taskvault.support.TaskDrafts.aTask;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.taskvault.system.shell.ShellFailure;
import io.taskvault.system.shell.ShellRunner;
import io.taskvault.task.Priority;
import io.taskvault.task.Task;
import io.taskvault.task.TaskQuery;
import io.taskvault.task.TaskService;
import io.taskvault.task.TaskState;

/** Bad option values, missing arguments and impossible moves, command by command: one error line, nothing stored. */
@ShellTest
class ShellBadInputTest {

    @Autowired
    ShellRunner runner;
    @Autowired
    TaskService tasks;

    ShellDriver.Result run(String line) {
        return new ShellDriver(runner).run(line);
    }

    static void usageError(ShellDriver.Result result, String message) {
        assertThat(result.exitCode()).as(String.join("\n", result.err())).isEqualTo(ShellFailure.USAGE);
        assertThat(result.err()).singleElement().asString().startsWith("error: ").contains(message);
    }

    @Test
    void addRejectsAnUnknownPriorityAndAnEmptyTitleWithoutStoringATask() {
        long before = tasks.list(TaskQuery.all()).total();

        usageError(run("add Ship it --priority urgentest"),
                "--priority: 'urgentest' is not one of LOW, MEDIUM, HIGH, CRITICAL");
        usageError(run("add --role backend"), "title");

        assertThat(tasks.list(TaskQuery.all()).total()).isEqualTo(before);
    }

    @Test
    void listRejectsAnUnknownStateANegativeLimitAndABadSort() {
        usageError(run("list --state NOPE"), "--state: 'NOPE' is not one of PENDING");
        usageError(run("list --state RUNNING,NOPE"), "'NOPE' is not one of");
        usageError(run("list --limit -1"), "--limit: must be a positive number, not -1");
        usageError(run("list --limit 0"), "--limit: must be a positive number, not 0");
        usageError(run("list --priority urgentest"), "--priority: 'urgentest' is not one of");
        usageError(run("list --sort colour"), "--sort: 'colour' is not one of");
        usageError(run("list --sort priority:sideways"), "--sort: 'sideways' is not asc or desc");
        usageError(run("list --to 2026-13-45"), "--to: '2026-13-45' is not a date");
    }

    @Test
    void editRejectsAMissingSetAnUnknownFieldAndABadValueAndKeepsTheTask() {
        Task task = tasks.create(aTask().withPriority(Priority.LOW).build(), "t");

        usageError(run("edit " + task.getKey()), "edit: name what to change with --set field=value");
        usageError(run("edit " + task.getKey() + " --set priority"), "'priority' is not field=value");
        ShellDriver.Result badValue = run("edit " + task.getKey() + " --set priority=urgentest");
        ShellDriver.Result unknownField = run("edit " + task.getKey() + " --set colour=red");

        assertThat(badValue.exitCode()).isEqualTo(ShellFailure.USAGE);
        assertThat(badValue.err()).singleElement().asString().contains("urgentest");
        assertThat(unknownField.exitCode()).isEqualTo(ShellFailure.USAGE);
        assertThat(unknownField.err()).singleElement().asString().contains("colour");
        Task stored = tasks.get(task.getKey());
        assertThat(stored.getPriority()).isEqualTo(Priority.LOW);
        assertThat(stored.getVersion()).isEqualTo(task.getVersion());
    }

    @Test
    void commandsThatNeedATaskSaySoWhenNoneOrTooManyAreNamed() {
        usageError(run("show"), "show: name a task by key (TV-42), number (42) or id prefix");
        usageError(run("show TV-1 TV-2"), "show: takes one task, got 2");
        usageError(run("start"), "start: name at least one task");
        usageError(run("history"), "history: name a task");
        usageError(run("note TV-1"), "note: give the task and the text");
        usageError(run("output list"), "output list: name a task");
    }

    @Test
    void everyLifecycleCommandRefusesAnIllegalMoveWithExitCode4AndLeavesTheTaskAsItWas() {
        Task task = tasks.create(aTask().build(), "t");
        String key = task.getKey();

        for (String line : new String[] {"start " + key, "complete " + key, "fail " + key + " --reason x",
                "retry " + key, "unblock " + key, "restore " + key}) {
            ShellDriver.Result result = run(line);

            assertThat(result.exitCode()).as(line).isEqualTo(ShellFailure.CONFLICT);
            assertThat(result.err()).as(line).singleElement().asString().startsWith("error: ")
                    .contains("cannot", key);
        }
        assertThat(tasks.get(key).getState()).isEqualTo(TaskState.PENDING);
        assertThat(tasks.history(key)).hasSize(1);
    }

    @Test
    void outputCommandsRejectAnUnknownTypeABadNumberAndAMissingFile() {
        Task task = tasks.create(aTask().build(), "t");
        String key = task.getKey();

        usageError(run("output add " + key + " --type NOPE --text hi"), "--type: 'NOPE' is not one of STDOUT");
        usageError(run("output add " + key + " --text hi --file x.txt"), "give exactly one of --text or --file");
        usageError(run("output add " + key + " --file /no/such/file.bin"), "is not a readable file");
        usageError(run("output show " + key + " first"), "'first' is not an output number; see output list " + key);
        ShellDriver.Result missing = run("output show " + key + " 9");

        assertThat(missing.exitCode()).isNotZero();
        assertThat(missing.err()).singleElement().asString().startsWith("error: ");
        assertThat(tasks.outputs(key)).isEmpty();
    }

    @Test
    void historyAndSessionsRejectALimitBelowOne() {
        Task task = tasks.create(aTask().build(), "t");

        usageError(run("history " + task.getKey() + " --limit 0"), "--limit: must be a positive number, not 0");
        usageError(run("sessions --limit -1"), "--limit: must be a positive number, not -1");
        usageError(run("sessions 0000dead"), "no session '0000dead'; 'sessions' lists them");
        usageError(run("sessions nope!"), "'nope!' is not a session id");
    }

    @Test
    void anOptionTheCommandDoesNotDeclareIsRefusedAndNamedWithTheClosestOne() {
        Task task = tasks.create(aTask().build(), "t");

        usageError(run("list --stat RUNNING"),
                "Unknown option '--stat' for 'list'; did you mean '--state'? See 'help list'.");
        usageError(run("ls --rol backend"), "Unknown option '--rol' for 'list'; did you mean '--role'?");
        usageError(run("complete " + task.getKey() + " --reasn done"),
                "Unknown option '--reasn' for 'complete'; did you mean '--reason'?");
        usageError(run("list --bogus"), "Unknown option '--bogus' for 'list'. See 'help list'.");
        usageError(run("output list " + task.getKey() + " --limt 3"), "Unknown option '--limt' for 'output list'");

        assertThat(tasks.get(task.getKey()).getState()).isEqualTo(TaskState.PENDING);
    }

    @Test
    void aFieldGivenToEditAsAnOptionIsRefusedWithTheSetThatChangesIt() {
        Task task = tasks.create(aTask().build(), "t");

        usageError(run("edit " + task.getKey() + " --priority low"),
                "Unknown option '--priority' for 'edit'; did you mean '--set priority=VALUE'? See 'help edit'.");
        usageError(run("edit " + task.getKey() + " --titel Renamed"),
                "Unknown option '--titel' for 'edit'; did you mean '--set title=VALUE'?");
        usageError(run("edit " + task.getKey() + " --sett priority=LOW"),
                "Unknown option '--sett' for 'edit'; did you mean '--set'?");

        assertThat(tasks.get(task.getKey()).getPriority()).isEqualTo(task.getPriority());
        assertThat(tasks.get(task.getKey()).getTitle()).isEqualTo(task.getTitle());
    }

    @Test
    void aMissingRequiredOptionNamesTheCommandAndWhereItsHelpIs() {
        Task task = tasks.create(aTask().build(), "t");

        usageError(run("fail " + task.getKey()),
                "Required option '--reason' is missing for 'fail'. See 'help fail'.");
        usageError(run("list --state"), "Option '--state' requires a value for 'list'. See 'help list'.");
    }

    @Test
    void aShortOptionFiltersLikeItsLongName() {
        Task done = tasks.create(aTask().titled("Short option done shortopt").build(), "t");
        tasks.transition(done.getKey(), TaskState.QUEUED, "t", null);
        tasks.transition(done.getKey(), TaskState.RUNNING, "t", null);
        tasks.transition(done.getKey(), TaskState.COMPLETED, "t", null);
        Task pending = tasks.create(aTask().titled("Short option pending shortopt").build(), "t");

        ShellDriver.Result result = run("list -s COMPLETED -t shortopt");

        assertThat(result.exitCode()).as(String.join("\n", result.err())).isZero();
        assertThat(result.screen()).contains(done.getKey(), "1 of 1 task").doesNotContain(pending.getKey() + " ");
        ShellDriver.Result sourceWords = run("list --state In-Progress,secured --text shortopt --sort priority");
        assertThat(sourceWords.screen()).contains(done.getKey(), "1 of 1 task");
        usageError(run("list --priority 3"), "'3' is not one of LOW, MEDIUM, HIGH, CRITICAL (a name, not a number)");
    }

    @Test
    void textAndSearchTogetherAreBadUsageOnEveryCommandThatFiltersTasks() {
        for (String command : List.of("list", "export tasks --format csv", "view save both")) {
            usageError(run(command + " --text one --search two"), "--text and --search are the same filter");
        }
    }

    @Test
    void aDependencyThatNamesNoTaskIsBadUsageWithExitCode2OnCreateAndEdit() {
        Task task = tasks.create(aTask().build(), "t");
        long before = tasks.list(TaskQuery.all()).total();

        ShellDriver.Result add = run("add Waits for nothing --depends-on TV-999999");
        ShellDriver.Result edit = run("edit " + task.getKey() + " --set dependsOn=TV-999999");

        assertThat(add.exitCode()).isEqualTo(ShellFailure.USAGE);
        assertThat(add.err()).singleElement().asString().contains("no task 'TV-999999' exists", "dependsOn");
        assertThat(edit.exitCode()).isEqualTo(ShellFailure.USAGE);
        assertThat(tasks.list(TaskQuery.all()).total()).isEqualTo(before);
        assertThat(tasks.get(task.getKey()).getDependsOn()).isEmpty();
    }

    @Test
    void aWordNoArgumentTakesIsRefusedByNameAndNothingIsDone() {
        Task first = tasks.create(aTask().titled("Design the schema").build(), "t");
        Task second = tasks.create(aTask().titled("Build on it").build(), "t");

        usageError(run("edge add --from " + first.getKey() + " --to " + second.getKey() + " junk"),
                "'edge add' does not take 'junk'; it takes options only. See 'help edge add'.");
        usageError(run("upstream " + second.getKey() + " " + first.getKey()), "'upstream' does not take '" + first.getKey() + "'");
        usageError(run("edge add --from " + first.getKey() + " --to " + second.getKey() + " --type blocks extra"),
                "'edge add' does not take 'extra'");
        //why: --json is a flag (the shell reads it as --json=true), so a word after it is one more word, not its value
        usageError(run("edge add --from " + first.getKey() + " --to " + second.getKey() + " --json false"),
                "'edge add' does not take 'false'");

        assertThat(run("upstream " + second.getKey()).out()).singleElement().asString().contains("no dependencies");
        assertThat(run("edge add --from " + first.getKey() + " --json --to " + second.getKey()).exitCode()).isZero();
        assertThat(run("add Words of a title --role backend").exitCode()).isZero();
    }

    @Test
    void aTaskCreatedWithADependencyHasOnlyItsCreationInItsHistory() {
        Task dependency = tasks.create(aTask().titled("Design the schema").build(), "t");

        ShellDriver.Result add = run("add Build on it --depends-on " + dependency.getKey());

        assertThat(add.exitCode()).as(String.join("\n", add.err())).isZero();
        Task created = tasks.get(add.screen().split(" ")[1]);
        assertThat(created.getDependsOn()).containsExactly(dependency.getId());
        assertThat(tasks.history(created.getId())).extracting(e -> e.type())
                .doesNotContain(io.taskvault.task.history.EventType.UPDATED);
    }
}

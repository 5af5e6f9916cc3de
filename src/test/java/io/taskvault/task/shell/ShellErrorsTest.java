package io.taskvault.task.shell;

import static io.taskvault.support.TaskDrafts.aTask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.shell.core.command.CommandExecutionException;
import org.springframework.shell.test.ShellTestClient;

import io.taskvault.system.shell.ShellFailure;
import io.taskvault.system.shell.ShellRunner;
import io.taskvault.task.AmbiguousTaskReferenceException;
import io.taskvault.task.Task;
import io.taskvault.task.TaskService;
import io.taskvault.task.TaskState;

/** Every failure is one "error:" line naming what was wrong, with an exit code scripts can tell apart. */
@ShellTest
class ShellErrorsTest {

    @Autowired
    ShellRunner runner;
    @Autowired
    TaskService tasks;
    @Autowired
    ShellTestClient shell;

    ShellDriver.Result run(String line) {
        return new ShellDriver(runner).run(line);
    }

    @Test
    void anUnknownTaskIsNotFoundWithExitCode3() {
        ShellDriver.Result result = run("show TV-99999");

        assertThat(result.exitCode()).isEqualTo(ShellFailure.NOT_FOUND);
        assertThat(result.err()).containsExactly("error: No task TV-99999 exists; 'list' shows the tasks there are");
    }

    @Test
    void anAmbiguousIdPrefixNamesTheCandidatesAndChangesNothing(@Autowired MongoTemplate mongo) {
        Task task = tasks.create(aTask().build(), "t");
        //why: ids are time-ordered, so tasks made in the same minute share their first 8 characters; 23 reach into the
        //    random part, and only the twin below shares them
        String prefix = task.getId().substring(0, 23);
        Document twin = mongo.findOne(Query.query(Criteria.where("_id").is(task.getId())), Document.class, "tasks");
        twin.put("_id", prefix + UUID.randomUUID().toString().substring(23));
        twin.put("key", "TV-" + (900000 + task.getKeyNumber()));
        twin.put("keyNumber", 900000 + task.getKeyNumber());
        mongo.insert(twin, "tasks");

        ShellDriver.Result result = run("queue " + prefix);

        assertThat(result.exitCode()).isEqualTo(ShellFailure.USAGE);
        assertThat(result.err()).singleElement().asString().startsWith("error: task: '" + prefix + "' is ambiguous")
                .contains(task.getId(), "type more of the id, or use the key");
        assertThat(tasks.get(task.getId()).getState()).isEqualTo(TaskState.PENDING);
        assertThatThrownBy(() -> shell.sendCommand("show " + prefix)).isInstanceOf(CommandExecutionException.class)
                .rootCause().isInstanceOf(AmbiguousTaskReferenceException.class);
    }

    @Test
    void anIllegalTransitionSaysWhichMovesAreAllowedWithExitCode4() {
        Task task = tasks.create(aTask().build(), "t");

        ShellDriver.Result result = run("complete " + task.getKey());

        assertThat(result.exitCode()).isEqualTo(ShellFailure.CONFLICT);
        assertThat(result.err()).containsExactly("error: Task " + task.getKey()
                + " cannot move from PENDING to COMPLETED; allowed next: BLOCKED, CANCELLED, QUEUED");
        assertThat(tasks.get(task.getKey()).getState()).isEqualTo(TaskState.PENDING);
    }

    @Test
    void aBadOptionValueNamesTheOptionAndTheAcceptedValues() {
        ShellDriver.Result state = run("list --state SLEEPING");
        ShellDriver.Result date = run("list --from yesterday");
        ShellDriver.Result limit = run("list --limit lots");

        assertThat(state.exitCode()).isEqualTo(ShellFailure.USAGE);
        assertThat(state.err()).containsExactly("error: --state: 'SLEEPING' is not one of PENDING, QUEUED, RUNNING, "
                + "BLOCKED, INTERRUPTED, COMPLETED, FAILED, CANCELLED, ARCHIVED");
        assertThat(date.err()).containsExactly("error: --from: 'yesterday' is not a date; use 2026-11-22 or 2026-11-22T10:15:00Z");
        assertThat(limit.exitCode()).isEqualTo(ShellFailure.USAGE);
        assertThat(limit.err()).singleElement().asString().startsWith("error: bad option value:").contains("lots");
    }

    @Test
    void aMissingRequiredOptionAndAnUnknownCommandAreUsageErrors() {
        Task task = tasks.create(aTask().build(), "t");

        ShellDriver.Result fail = run("fail " + task.getKey());
        ShellDriver.Result unknown = run("frobnicate");

        assertThat(fail.exitCode()).isEqualTo(ShellFailure.USAGE);
        assertThat(fail.err()).singleElement().asString().contains("Required option '--reason' is missing for 'fail'. See 'help fail'.");
        assertThat(unknown.err()).containsExactly("error: unknown command 'frobnicate'; type 'help' to see the commands");
    }

    @Test
    void anUnknownCommandNamesTheLikelyOneAtEveryLengthOfName() {
        ShellDriver.Result oneWord = run("lsit --state PENDING");
        ShellDriver.Result twoWords = run("schema stats");

        assertThat(oneWord.exitCode()).isEqualTo(ShellFailure.USAGE);
        assertThat(oneWord.err()).containsExactly(
                "error: unknown command 'lsit'; did you mean 'list'? Type 'help' to see the commands.");
        assertThat(twoWords.exitCode()).isEqualTo(ShellFailure.USAGE);
        assertThat(twoWords.err()).containsExactly(
                "error: unknown command 'schema stats'; did you mean 'schema status'? Type 'help' to see the commands.");
    }

    @Test
    void aDestructiveChangeWithoutATerminalIsRefusedUnlessYesIsGiven() {
        Task task = tasks.create(aTask().build(), "t");

        ShellDriver.Result refused = run("cancel " + task.getKey());
        assertThat(tasks.get(task.getKey()).getState()).isEqualTo(TaskState.PENDING);
        ShellDriver.Result confirmed = run("cancel " + task.getKey() + " --yes");

        assertThat(refused.exitCode()).isEqualTo(ShellFailure.USAGE);
        assertThat(refused.err()).containsExactly("error: cancel " + task.getKey()
                + ": not done, there is no terminal to ask on; add --yes to confirm");
        assertThat(confirmed.exitCode()).isZero();
        assertThat(tasks.get(task.getKey()).getState()).isEqualTo(TaskState.CANCELLED);
    }

    @Test
    void aBulkChangeReportsEachTaskThatCouldNotMoveAndFails() {
        Task ok = tasks.create(aTask().build(), "t");

        ShellDriver.Result result = run("queue " + ok.getKey() + " TV-99998 --yes");

        assertThat(result.exitCode()).isEqualTo(ShellFailure.FAILED);
        assertThat(result.out()).contains(ok.getKey() + " is now QUEUED  " + ok.getTitle())
                .anySatisfy(line -> assertThat(line).startsWith("TV-99998: No task TV-99998 exists"));
        assertThat(result.err()).containsExactly("error: queue: 1 of 2 tasks were not changed (TV-99998)");
        assertThat(tasks.get(ok.getKey()).getState()).isEqualTo(TaskState.QUEUED);
    }

    @Test
    void debugAddsTheStackTraceAndBareFlagsWorkOnMultiWordCommands() {
        Task task = tasks.create(aTask().build(), "t");

        ShellDriver.Result debug = run("show TV-99997 --debug");
        ShellDriver.Result json = run("output list " + task.getKey() + " --json");

        assertThat(debug.err().get(0)).isEqualTo("error: No task TV-99997 exists; 'list' shows the tasks there are");
        assertThat(debug.err()).anySatisfy(line -> assertThat(line).contains("at io.taskvault.task."));
        assertThat(json.exitCode()).isZero();
        assertThat(json.out()).containsExactly("[ ]");
    }
}

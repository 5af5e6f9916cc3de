package io.taskvault.task.shell;

import static io.taskvault.support.TaskDrafts.aTask;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.shell.core.InputReader;

import io.taskvault.system.shell.CommandLine;
import io.taskvault.system.shell.ShellFailure;
import io.taskvault.system.shell.ShellRunner;
import io.taskvault.task.Task;
import io.taskvault.task.TaskService;
import io.taskvault.task.TaskState;

/** The questions asked before bulk and destructive changes, and 'verify' failing loudly on a tampered history. */
@ShellTest
class ShellSafetyTest {

    @Autowired
    ShellRunner runner;
    @Autowired
    TaskService tasks;

    /** Runs a line whose questions are answered with {@code answer}; returns the output and records the questions. */
    String answering(String answer, String line, List<String> questions) {
        StringWriter out = new StringWriter();
        InputReader person = new InputReader() {
            @Override
            public String readInput(String prompt) {
                questions.add(prompt);
                return answer;
            }
        };
        int code = runner.execute(CommandLine.parse(line), new PrintWriter(out), new PrintWriter(new StringWriter()), person);
        assertThat(code).as(line).isZero();
        return out.toString();
    }

    @Test
    void aBulkChangeAsksFirstAndANoChangesNothing() {
        Task one = tasks.create(aTask().build(), "t");
        Task two = tasks.create(aTask().build(), "t");
        List<String> questions = new ArrayList<>();

        String refused = answering("n", "queue " + one.getKey() + " " + two.getKey(), questions);

        assertThat(questions).containsExactly("queue 2 tasks (" + one.getKey() + ", " + two.getKey() + ")? [y/N] ");
        assertThat(refused).contains("Nothing changed.");
        assertThat(tasks.get(one.getKey()).getState()).isEqualTo(TaskState.PENDING);
        assertThat(tasks.get(two.getKey()).getState()).isEqualTo(TaskState.PENDING);
    }

    @Test
    void aDestructiveChangeGoesAheadWhenThePersonSaysYes() {
        Task task = tasks.create(aTask().build(), "t");
        List<String> questions = new ArrayList<>();

        String done = answering("yes", "cancel " + task.getKey() + " --reason duplicate", questions);

        assertThat(questions).containsExactly("cancel " + task.getKey() + "? [y/N] ");
        assertThat(done).contains(task.getKey() + " is now CANCELLED");
        assertThat(tasks.get(task.getKey()).getState()).isEqualTo(TaskState.CANCELLED);
    }

    @Test
    void aSingleReversibleMoveAndYesSkipTheQuestion() {
        Task task = tasks.create(aTask().build(), "t");
        List<String> questions = new ArrayList<>();

        answering("n", "queue " + task.getKey(), questions);
        answering("n", "cancel " + task.getKey() + " --yes", questions);

        assertThat(questions).isEmpty();
        assertThat(tasks.get(task.getKey()).getState()).isEqualTo(TaskState.CANCELLED);
    }

    @Test
    void verifyOfATamperedHistoryFailsAndNamesTheTask(@Autowired MongoTemplate mongo) {
        Task task = tasks.create(aTask().build(), "t");
        tasks.addNote(task.getKey(), "the original note", "t");
        Query second = Query.query(Criteria.where("_id").is(task.getId() + ":2"));
        Document original = mongo.findOne(second, Document.class, "task_history");
        Document tampered = new Document(original);
        tampered.put("reason", "a forged note");
        mongo.save(tampered, "task_history");
        try {
            ShellDriver.Result one = new ShellDriver(runner).run("verify " + task.getKey());
            ShellDriver.Result all = new ShellDriver(runner).run("verify");

            assertThat(one.exitCode()).isEqualTo(ShellFailure.FAILED);
            assertThat(one.out()).anySatisfy(line -> assertThat(line).startsWith(task.getKey() + "  "));
            assertThat(one.err()).containsExactly("error: 1 task histories failed verification; see above");
            assertThat(all.out()).anySatisfy(line -> assertThat(line).contains("checked, 1 broken"));
        } finally {
            //why: the store is shared with the other shell tests, whose 'verify' expects every chain intact
            mongo.save(original, "task_history");
        }
        assertThat(tasks.verify(task.getKey()).intact()).isTrue();
    }
}

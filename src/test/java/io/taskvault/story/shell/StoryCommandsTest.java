package io.taskvault.story.shell;

import static io.taskvault.support.TaskDrafts.aTask;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import io.taskvault.support.EmbeddedStoreTest;
import io.taskvault.task.Task;
import io.taskvault.task.TaskService;
import io.taskvault.task.TaskState;
import io.taskvault.task.shell.ShellDriver;

/** The 'story' command and the list's grouping options through the shell's parser, exit codes included. */
@EmbeddedStoreTest
class StoryCommandsTest {

    @Autowired
    TaskService tasks;
    @Autowired
    ApplicationContext context;

    ShellDriver.Result run(String line) {
        return ShellDriver.of(context).run(line);
    }

    private Task failed(String story, String epic) {
        Task task = tasks.create(aTask().inStory(story).inEpic(epic).titled("Parse the input").build(), "t");
        tasks.transition(task.getKey(), TaskState.QUEUED, "t", null);
        tasks.transition(task.getKey(), TaskState.RUNNING, "t", null);
        return tasks.transition(task.getKey(), TaskState.FAILED, "t", "compiler error\nat line 3");
    }

    @Test
    void rollsUpAStoryByItsIdOrByOneOfItsTasksAndAnEpic() {
        String story = "SHELL-STORY-" + System.nanoTime();
        String epic = "SHELL-EPIC-" + System.nanoTime();
        Task broken = failed(story, epic);
        Task pending = tasks.create(aTask().inStory(story).inEpic(epic).build(), "t");

        ShellDriver.Result byId = run("story " + story);
        assertThat(byId.exitCode()).isZero();
        assertThat(byId.screen()).contains("story " + story + "  IN_PROGRESS  0% done (0 of 2)", "2 tasks: PENDING 1, FAILED 1",
                "last activity: ", "on " + pending.getKey(), "failed (1):", "  " + broken.getKey() + " ", " Parse the input  — compiler error")
                .doesNotContain("at line 3").doesNotContain("blocked");
        assertThat(run("story " + pending.getKey()).screen()).contains("story " + story + " ");
        assertThat(run("story --epic " + epic).screen()).contains("epic " + epic + " ", "2 tasks");
        assertThat(run("story " + story + " --json").screen()).contains("\"percentDone\"", "\"FAILED\" : 1");
    }

    @Test
    void refusesAnUnknownStoryWithExitCode3AndBadUsageWith2() {
        ShellDriver.Result unknown = run("story NO-SUCH-STORY");
        assertThat(unknown.exitCode()).isEqualTo(3);
        assertThat(String.join("\n", unknown.err())).contains("No story 'NO-SUCH-STORY' exists");
        assertThat(run("story").exitCode()).isEqualTo(2);
        assertThat(run("story A B").exitCode()).isEqualTo(2);
        assertThat(run("story A --epic B").exitCode()).isEqualTo(2);
        Task loner = tasks.create(aTask().inStory(null).build(), "t");
        ShellDriver.Result noStory = run("story " + loner.getKey());
        assertThat(noStory.exitCode()).isEqualTo(2);
        assertThat(String.join("\n", noStory.err())).contains(loner.getKey() + " belongs to no story");
    }

    @Test
    void listAndExportTakeStoryEpicAndPersona() {
        String story = "SHELL-LIST-" + System.nanoTime();
        Task qa = tasks.create(aTask().inStory(story).forPersona("qa").build(), "t");
        Task dev = tasks.create(aTask().inStory(story).forPersona("developer").inEpic("E-" + story).build(), "t");
        tasks.create(aTask().forPersona("qa").build(), "t");

        ShellDriver.Result both = run("list --story " + story);
        assertThat(both.screen()).contains(qa.getKey(), dev.getKey());
        ShellDriver.Result one = run("list --story " + story + " --persona qa");
        assertThat(one.screen()).contains(qa.getKey()).doesNotContain(dev.getKey());
        assertThat(run("list --epic E-" + story).screen()).contains(dev.getKey()).doesNotContain(qa.getKey());
        ShellDriver.Result exported = run("export tasks --format csv --story " + story + " --persona developer");
        assertThat(exported.screen()).contains(dev.getKey()).doesNotContain(qa.getKey() + ",");
        assertThat(run("list --stroy " + story).exitCode()).isEqualTo(2);
    }
}

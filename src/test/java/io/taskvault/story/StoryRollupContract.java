package io.taskvault.story;

import static io.taskvault.support.TaskDrafts.aTask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.taskvault.support.TaskDrafts;
import io.taskvault.task.InvalidTaskException;
import io.taskvault.task.Task;
import io.taskvault.task.TaskQuery;
import io.taskvault.task.TaskService;
import io.taskvault.task.TaskState;

/** The storage contract of stories and epics: the same filters and roll-up counts on every MongoDB taskvault runs on. */
abstract class StoryRollupContract {

    @Autowired
    TaskService tasks;
    @Autowired
    StoryService stories;

    private static String unique(String prefix) {
        return prefix + "-" + System.nanoTime();
    }

    private Task task(TaskDrafts draft, TaskState... path) {
        Task task = tasks.create(draft.build(), "test");
        for (TaskState state : path) {
            task = tasks.transition(task.getKey(), state, "test", state == TaskState.FAILED ? "compiler error" : null);
        }
        return task;
    }

    @Test
    void rollsUpAStorysTasksByStateWithPercentDoneBlockedAndFailedTasksAndLastActivity() {
        String story = unique("STORY");
        task(aTask().inStory(story), TaskState.QUEUED, TaskState.RUNNING, TaskState.COMPLETED);
        task(aTask().inStory(story), TaskState.QUEUED, TaskState.RUNNING, TaskState.COMPLETED);
        Task failed = task(aTask().inStory(story), TaskState.QUEUED, TaskState.RUNNING, TaskState.FAILED);
        Task blocked = task(aTask().inStory(story), TaskState.BLOCKED);
        task(aTask().inStory(story), TaskState.CANCELLED);
        Task pending = task(aTask().inStory(story).titled("Still to do"));
        task(aTask().inStory(unique("OTHER")), TaskState.QUEUED);
        Task touched = tasks.update(pending.getKey(), Map.of("title", "Still to do, renamed"), "test", null);

        StoryRollup rollup = stories.rollUp(Grouping.STORY, story);

        assertThat(rollup.total()).isEqualTo(6);
        assertThat(rollup.byState()).containsOnlyKeys(TaskState.values()).containsEntry(TaskState.COMPLETED, 2L)
                .containsEntry(TaskState.FAILED, 1L).containsEntry(TaskState.BLOCKED, 1L)
                .containsEntry(TaskState.CANCELLED, 1L).containsEntry(TaskState.PENDING, 1L)
                .containsEntry(TaskState.QUEUED, 0L).containsEntry(TaskState.RUNNING, 0L);
        assertThat(rollup.countable()).isEqualTo(5);
        assertThat(rollup.percentDone()).isEqualTo(40);
        assertThat(rollup.progress()).isEqualTo(StoryRollup.Progress.IN_PROGRESS);
        assertThat(rollup.blocked()).extracting(StoryRollup.Member::key).containsExactly(blocked.getKey());
        assertThat(rollup.failed()).singleElement().satisfies(m -> {
            assertThat(m.key()).isEqualTo(failed.getKey());
            assertThat(m.lastError()).isEqualTo("compiler error");
        });
        assertThat(rollup.lastActivityKey()).isEqualTo(touched.getKey());
        assertThat(rollup.lastActivity()).isEqualTo(touched.getUpdatedAt());
    }

    @Test
    void rollsUpAnEpicAcrossItsStories() {
        String epic = unique("EPIC");
        task(aTask().inEpic(epic).inStory(unique("A")), TaskState.QUEUED, TaskState.RUNNING, TaskState.COMPLETED);
        task(aTask().inEpic(epic).inStory(unique("B")), TaskState.QUEUED, TaskState.RUNNING, TaskState.COMPLETED);
        task(aTask().inEpic(epic).inStory(unique("B")), TaskState.CANCELLED);

        StoryRollup rollup = stories.rollUp(Grouping.EPIC, epic);

        assertThat(rollup.total()).isEqualTo(3);
        assertThat(rollup.percentDone()).isEqualTo(100);
        assertThat(rollup.progress()).isEqualTo(StoryRollup.Progress.COMPLETED);
        assertThat(rollup.blocked()).isEmpty();
        assertThat(rollup.failed()).isEmpty();
    }

    @Test
    void findsTheStoryOfATaskAndRefusesWhatNamesNoStory() {
        String story = unique("STORY");
        Task member = task(aTask().inStory(story), TaskState.QUEUED);
        Task loner = task(aTask().inStory(null));

        assertThat(stories.rollUpByIdOrTask(Grouping.STORY, member.getKey()).id()).isEqualTo(story);
        assertThat(stories.rollUpByIdOrTask(Grouping.STORY, story).byState()).containsEntry(TaskState.QUEUED, 1L);
        assertThatThrownBy(() -> stories.rollUp(Grouping.STORY, "NO-SUCH-STORY-1"))
                .isInstanceOf(StoryNotFoundException.class).hasMessageContaining("NO-SUCH-STORY-1");
        assertThatThrownBy(() -> stories.rollUpByIdOrTask(Grouping.STORY, "NO-SUCH-STORY-1"))
                .isInstanceOf(StoryNotFoundException.class).hasMessageContaining("no task is called 'NO-SUCH-STORY-1'");
        assertThatThrownBy(() -> stories.rollUpByIdOrTask(Grouping.STORY, loner.getKey()))
                .isInstanceOf(InvalidTaskException.class).hasMessageContaining(loner.getKey() + " belongs to no story");
        assertThatThrownBy(() -> stories.rollUp(Grouping.EPIC, " ")).isInstanceOf(InvalidTaskException.class)
                .hasMessageContaining("epicId");
    }

    @Test
    void listsTasksByStoryEpicAndPersona() {
        String story = unique("STORY");
        String epic = unique("EPIC");
        String persona = unique("persona");
        Task a = task(aTask().inStory(story).inEpic(epic).forPersona(persona));
        Task b = task(aTask().inStory(story).inEpic(epic).forPersona("architect"));
        Task c = task(aTask().inStory(unique("STORY")).inEpic(epic).forPersona(persona));

        assertThat(keys(tasks.list(TaskQuery.all().withGroups(Set.of(story), null, null)).tasks()))
                .containsExactlyInAnyOrder(a.getKey(), b.getKey());
        assertThat(keys(tasks.list(TaskQuery.all().withGroups(null, Set.of(epic), null)).tasks()))
                .containsExactlyInAnyOrder(a.getKey(), b.getKey(), c.getKey());
        assertThat(keys(tasks.list(TaskQuery.all().withGroups(null, Set.of(epic), Set.of(persona))).tasks()))
                .containsExactlyInAnyOrder(a.getKey(), c.getKey());
        assertThat(tasks.count(TaskQuery.all().withGroups(Set.of(story), Set.of(epic), Set.of(persona)))).isEqualTo(1);
    }

    private static List<String> keys(List<Task> found) {
        return found.stream().map(Task::getKey).toList();
    }
}

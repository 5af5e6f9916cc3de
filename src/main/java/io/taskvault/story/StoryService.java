package io.taskvault.story;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;

import io.taskvault.task.InvalidTaskException;
import io.taskvault.task.Task;
import io.taskvault.task.TaskNotFoundException;
import io.taskvault.task.TaskPage;
import io.taskvault.task.TaskQuery;
import io.taskvault.task.TaskService;
import io.taskvault.task.TaskState;

/**
 * Rolls a story's or an epic's tasks up into one {@link StoryRollup}. The counts are the store's own (one count per
 * state, each answered by the {@code storyId_state} or {@code epicId_state} index); only the listed tasks are read.
 */
@Service
public class StoryService {

    /** At most this many blocked (and as many failed) tasks are listed in a roll-up; the counts cover them all. */
    public static final int LISTED = 50;
    private static final int MAX_ID = 2_000;

    private final TaskService tasks;

    StoryService(TaskService tasks) {
        this.tasks = tasks;
    }

    /** The roll-up of the group with this id; throws {@link StoryNotFoundException} when no task belongs to it. */
    public StoryRollup rollUp(Grouping grouping, String id) {
        String group = checked(grouping, id);
        TaskQuery members = grouping.tasksOf(group);
        Map<TaskState, Long> byState = new EnumMap<>(TaskState.class);
        long total = 0;
        for (TaskState state : TaskState.values()) {
            long count = tasks.count(members.withStates(Set.of(state)));
            byState.put(state, count);
            total += count;
        }
        if (total == 0) {
            throw new StoryNotFoundException(grouping, group);
        }
        long countable = total - byState.get(TaskState.CANCELLED) - byState.get(TaskState.ARCHIVED);
        Optional<Task> latest = tasks.list(members.withLimit(1, 0)).tasks().stream().findFirst();
        return new StoryRollup(grouping, group, total, byState, StoryRollup.percentDone(byState, countable),
                StoryRollup.progress(byState, countable), listed(members, TaskState.BLOCKED),
                listed(members, TaskState.FAILED), latest.map(Task::getUpdatedAt).orElse(null),
                latest.map(Task::getKey).orElse(null));
    }

    /**
     * The roll-up a person asks for by one word: the group with that id or, when there is none, the group of the task
     * that word names (its key, number or id), so {@code story TV-42} rolls up TV-42's story.
     */
    public StoryRollup rollUpByIdOrTask(Grouping grouping, String reference) {
        String ref = checked(grouping, reference);
        try {
            return rollUp(grouping, ref);
        } catch (StoryNotFoundException noGroup) {
            Optional<Task> task = tasks.find(ref);
            if (task.isEmpty()) {
                throw new StoryNotFoundException(grouping, ref, "and no task is called '" + ref + "'");
            }
            String group = grouping.of(task.get());
            if (group == null) {
                throw new InvalidTaskException(grouping.field(), task.get().getKey() + " belongs to no " + grouping.label());
            }
            return rollUp(grouping, group);
        }
    }

    private List<StoryRollup.Member> listed(TaskQuery members, TaskState state) {
        TaskPage page = tasks.list(members.withStates(Set.of(state)).withLimit(LISTED, 0));
        return page.tasks().stream().map(StoryRollup.Member::of).toList();
    }

    private static String checked(Grouping grouping, String id) {
        if (id == null || id.isBlank()) {
            throw new InvalidTaskException(grouping.field(), "is required: name the " + grouping.label());
        }
        String trimmed = id.trim();
        if (trimmed.length() > MAX_ID) {
            throw new InvalidTaskException(grouping.field(), "is longer than " + MAX_ID + " characters");
        }
        return trimmed;
    }
}

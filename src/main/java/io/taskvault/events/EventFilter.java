package io.taskvault.events;

import java.util.Set;

import io.taskvault.task.Task;
import io.taskvault.task.TaskState;
import io.taskvault.task.history.HistoryEvent;

/**
 * Which changes a listener wants; an empty set lets every value through. {@code states} match the state a change
 * left its task in; roles, stories and epics are the task's own.
 */
public record EventFilter(Set<TaskState> states, Set<String> roles, Set<String> storyIds, Set<String> epicIds) {

    public static final EventFilter ALL = new EventFilter(Set.of(), Set.of(), Set.of(), Set.of());

    /** {@code task} is null when no task has the event's id any more (archived or deleted). */
    boolean accepts(HistoryEvent event, Task task) {
        TaskState state = event.toState() != null ? event.toState() : task == null ? null : task.getState();
        return matches(states, state)
                && matches(roles, task == null ? null : task.getRole())
                && matches(storyIds, task == null ? null : task.getStoryId())
                && matches(epicIds, task == null ? null : task.getEpicId());
    }

    private static <T> boolean matches(Set<T> wanted, T value) {
        return wanted.isEmpty() || wanted.contains(value);
    }
}

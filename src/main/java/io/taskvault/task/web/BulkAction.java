package io.taskvault.task.web;

import java.util.EnumSet;
import java.util.Set;

import io.taskvault.task.TaskState;

/** What a bulk action does to each task, and the states it can act on (the filter is narrowed to them). */
enum BulkAction {
    RETRY("Retry", "failed or interrupted", TaskState.PENDING, EnumSet.of(TaskState.FAILED, TaskState.INTERRUPTED)),
    CANCEL("Cancel", "unfinished", TaskState.CANCELLED, from(TaskState.CANCELLED)),
    ARCHIVE("Archive", "finished", TaskState.ARCHIVED, from(TaskState.ARCHIVED));

    private final String label;
    private final String scope;
    private final TaskState target;
    private final Set<TaskState> sources;

    BulkAction(String label, String scope, TaskState target, Set<TaskState> sources) {
        this.label = label;
        this.scope = scope;
        this.target = target;
        this.sources = sources;
    }

    private static Set<TaskState> from(TaskState target) {
        EnumSet<TaskState> states = EnumSet.noneOf(TaskState.class);
        for (TaskState s : TaskState.values()) {
            if (s.canMoveTo(target)) {
                states.add(s);
            }
        }
        return states;
    }

    /** The confirmation question, stating how many tasks the action will touch. */
    public String question(long count, boolean selection) {
        String tasks = count == 1 ? " task" : " tasks";
        if (selection) {
            return label + " the " + count + " selected" + tasks + "?";
        }
        return count == 0 ? "No " + scope + " task matches the filter: there is nothing to " + label.toLowerCase() + "."
                : label + " all " + count + " " + scope + tasks + " that match the filter?";
    }

    public String label() {
        return label;
    }

    TaskState target() {
        return target;
    }

    /** The states the action applies to, narrowed to the filter's states when it names any. */
    Set<TaskState> sources(Set<TaskState> filtered) {
        if (filtered.isEmpty()) {
            return sources;
        }
        EnumSet<TaskState> both = EnumSet.noneOf(TaskState.class);
        filtered.stream().filter(sources::contains).forEach(both::add);
        return both;
    }
}

package io.taskvault.task;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.taskvault.system.TaskvaultException;

/** A task was asked to move to a state its current state does not lead to. */
public class IllegalTransitionException extends TaskvaultException {

    private final TaskState from;
    private final TaskState to;

    public IllegalTransitionException(String key, TaskState from, TaskState to) {
        super(Kind.CONFLICT, "Illegal transition", "Task " + key + " cannot move from " + from + " to " + to + "; allowed next: " + describe(from.next()));
        this.from = from;
        this.to = to;
    }

    /** A move the table allows in general but this task's circumstances do not (e.g. restore to another state). */
    public IllegalTransitionException(String message, TaskState from, TaskState to, boolean custom) {
        super(Kind.CONFLICT, "Illegal transition", message);
        this.from = from;
        this.to = to;
    }

    private static String describe(Set<TaskState> allowed) {
        return allowed.isEmpty() ? "none" : allowed.stream().map(Enum::name).sorted().collect(Collectors.joining(", "));
    }

    public TaskState from() {
        return from;
    }

    public TaskState to() {
        return to;
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("from", from, "to", to, "allowed", from.next());
    }
}

package io.taskvault.task.shell;

import java.util.Map;

import io.taskvault.system.shell.ShellStyle;
import io.taskvault.task.TaskState;

/** A task state in its own colour, the same wherever the shell prints it. */
final class StateStyle {

    private static final Map<TaskState, String> COLOURS = Map.of(
            TaskState.PENDING, "\u001B[1m", TaskState.QUEUED, "\u001B[36m", TaskState.RUNNING, "\u001B[1;34m",
            TaskState.BLOCKED, "\u001B[33m", TaskState.INTERRUPTED, "\u001B[35m", TaskState.COMPLETED, "\u001B[32m",
            TaskState.FAILED, "\u001B[1;31m", TaskState.CANCELLED, "\u001B[90m", TaskState.ARCHIVED, "\u001B[90m");

    private StateStyle() {
    }

    static String state(ShellStyle style, TaskState state) {
        return state == null ? "" : style.paint(COLOURS.get(state), state.name());
    }

    /** A state name already padded to a column: the colour wraps the padding so columns stay aligned. */
    static String cell(ShellStyle style, String padded) {
        String name = padded.trim();
        for (TaskState s : TaskState.values()) {
            if (s.name().equals(name)) {
                return style.paint(COLOURS.get(s), padded);
            }
        }
        return padded;
    }
}

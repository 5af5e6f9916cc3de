package io.taskvault.graph;

import io.taskvault.task.Task;
import io.taskvault.task.TaskState;

/** What counts as a finished dependency. */
final class Dependencies {

    private Dependencies() {
    }

    /** Completed, or archived after completing. */
    static boolean done(Task task) {
        return task.getState() == TaskState.COMPLETED
                || task.getState() == TaskState.ARCHIVED && task.getPreviousState() == TaskState.COMPLETED;
    }

    /** Still to be done: not completed, cancelled or archived. */
    static boolean unfinished(Task task) {
        return !task.getState().isFinished() && task.getState() != TaskState.ARCHIVED;
    }
}

package io.taskvault.task;

import java.time.Instant;

import io.taskvault.task.history.EventType;

/** What a move between states does to a task's timestamps, counters and error fields. */
final class Transitions {

    private Transitions() {
    }

    /** Applies the move to {@code next} (a copy of the current task) and says how history names it. */
    static EventType apply(Task next, TaskState to, String reason, Instant now) {
        TaskState from = next.getState();
        if (!from.canMoveTo(to)) {
            throw new IllegalTransitionException(next.getKey(), from, to);
        }
        if (from == TaskState.ARCHIVED) {
            if (to != next.getPreviousState()) {
                throw new IllegalTransitionException("Task " + next.getKey() + " can only be restored to "
                        + next.getPreviousState() + ", the state it had when it was archived", from, to, true);
            }
            next.setState(to);
            next.setPreviousState(null);
            next.setArchivedAt(null);
            return EventType.RESTORED;
        }
        next.setState(to);
        switch (to) {
            case RUNNING -> {
                next.setStartedAt(now);
                next.setCompletedAt(null);
                next.setHeartbeatAt(now);
            }
            case COMPLETED, CANCELLED -> next.setCompletedAt(now);
            case FAILED -> {
                next.setCompletedAt(now);
                next.setErrorCount(next.getErrorCount() + 1);
                next.setLastError(reason == null || reason.isBlank() ? "failed without a reason" : reason);
            }
            case INTERRUPTED -> next.setLastError(reason == null || reason.isBlank() ? "interrupted" : reason);
            case PENDING -> {
                if (from == TaskState.FAILED || from == TaskState.INTERRUPTED) {
                    next.setAttempt(next.getAttempt() + 1);
                    next.setStartedAt(null);
                    next.setCompletedAt(null);
                }
            }
            case ARCHIVED -> {
                next.setPreviousState(from);
                next.setArchivedAt(now);
                return EventType.ARCHIVED;
            }
            default -> {
            }
        }
        return EventType.STATE_CHANGED;
    }
}

package io.taskvault.task;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** Where a task stands in its lifecycle, with the one table of moves allowed between states. */
public enum TaskState {
    PENDING, QUEUED, RUNNING, BLOCKED, INTERRUPTED, COMPLETED, FAILED, CANCELLED, ARCHIVED;

    private static final Map<TaskState, Set<TaskState>> ALLOWED = new EnumMap<>(TaskState.class);

    static {
        ALLOWED.put(PENDING, EnumSet.of(QUEUED, BLOCKED, CANCELLED));
        ALLOWED.put(QUEUED, EnumSet.of(RUNNING, BLOCKED, CANCELLED));
        ALLOWED.put(RUNNING, EnumSet.of(COMPLETED, FAILED, CANCELLED, INTERRUPTED));
        ALLOWED.put(BLOCKED, EnumSet.of(PENDING, CANCELLED));
        ALLOWED.put(INTERRUPTED, EnumSet.of(PENDING, FAILED));
        ALLOWED.put(COMPLETED, EnumSet.of(ARCHIVED));
        ALLOWED.put(FAILED, EnumSet.of(PENDING, ARCHIVED));
        ALLOWED.put(CANCELLED, EnumSet.of(ARCHIVED));
        //why: restore returns an archived task to the state it had, which the task remembers in previousState
        ALLOWED.put(ARCHIVED, EnumSet.of(COMPLETED, FAILED, CANCELLED));
    }

    /** The states a task in this state may move to next. */
    public Set<TaskState> next() {
        return Collections.unmodifiableSet(ALLOWED.get(this));
    }

    public boolean canMoveTo(TaskState target) {
        return ALLOWED.get(this).contains(target);
    }

    /** Finished work: what archival may move away once it is old enough. */
    public boolean isFinished() {
        return this == COMPLETED || this == FAILED || this == CANCELLED;
    }
}

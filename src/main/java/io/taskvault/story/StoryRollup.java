package io.taskvault.story;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.taskvault.task.Task;
import io.taskvault.task.TaskState;

/**
 * Where a story (or an epic) stands, from its tasks: how many are in each state, how much is done, which tasks
 * need a person (blocked, failed) and when anything last happened.
 *
 * @param byState     every state, with how many of the group's tasks are in it (zeros included)
 * @param percentDone COMPLETED tasks over the tasks still meant to be done (all but CANCELLED and ARCHIVED), rounded
 *                    down, so 100 means every one is done; 0 when no task is meant to be done
 * @param blocked     the BLOCKED tasks, newest change first, at most {@link StoryService#LISTED}
 * @param failed      the FAILED tasks, likewise
 * @param lastActivity the newest change to any of the group's tasks, and {@code lastActivityKey} the task it was on
 */
public record StoryRollup(Grouping grouping, String id, long total, Map<TaskState, Long> byState, int percentDone,
                          Progress progress, List<Member> blocked, List<Member> failed, Instant lastActivity,
                          String lastActivityKey) {

    /** The group's state as a whole, derived from its tasks' states. */
    public enum Progress {
        /** No task has been started yet (all PENDING, QUEUED or BLOCKED). */
        NOT_STARTED,
        /** Work is under way or still to run. */
        IN_PROGRESS,
        /** Started, nothing is left to run or waiting, yet not all is done: what remains FAILED and needs a person. */
        STALLED,
        /** Every task meant to be done is COMPLETED. */
        COMPLETED,
        /** No task is meant to be done any more (all CANCELLED or ARCHIVED). */
        CANCELLED
    }

    /** One task of the group, as a roll-up lists it. */
    public record Member(String key, String title, TaskState state, Instant updatedAt, String lastError) {

        static Member of(Task task) {
            return new Member(task.getKey(), task.getTitle(), task.getState(), task.getUpdatedAt(), task.getLastError());
        }
    }

    /** How many of the group's tasks are in {@code state}. */
    public long count(TaskState state) {
        return byState.getOrDefault(state, 0L);
    }

    public long completedCount() {
        return count(TaskState.COMPLETED);
    }

    public long blockedCount() {
        return count(TaskState.BLOCKED);
    }

    public long failedCount() {
        return count(TaskState.FAILED);
    }

    /** The tasks meant to be done: all but the CANCELLED and ARCHIVED ones. */
    public long countable() {
        return total - count(TaskState.CANCELLED) - count(TaskState.ARCHIVED);
    }

    static int percentDone(Map<TaskState, Long> byState, long countable) {
        long completed = byState.getOrDefault(TaskState.COMPLETED, 0L);
        return countable <= 0 ? 0 : (int) (completed * 100 / countable);
    }

    static Progress progress(Map<TaskState, Long> byState, long countable) {
        long completed = byState.getOrDefault(TaskState.COMPLETED, 0L);
        //why: a BLOCKED task still waits to run (most wait on a dependency that unblocks them on completion)
        long toRun = byState.getOrDefault(TaskState.PENDING, 0L) + byState.getOrDefault(TaskState.QUEUED, 0L)
                + byState.getOrDefault(TaskState.RUNNING, 0L) + byState.getOrDefault(TaskState.INTERRUPTED, 0L)
                + byState.getOrDefault(TaskState.BLOCKED, 0L);
        long started = completed + byState.getOrDefault(TaskState.RUNNING, 0L)
                + byState.getOrDefault(TaskState.FAILED, 0L) + byState.getOrDefault(TaskState.INTERRUPTED, 0L);
        if (countable <= 0) {
            return Progress.CANCELLED;
        }
        if (completed == countable) {
            return Progress.COMPLETED;
        }
        if (started == 0) {
            return Progress.NOT_STARTED;
        }
        return toRun == 0 ? Progress.STALLED : Progress.IN_PROGRESS;
    }
}

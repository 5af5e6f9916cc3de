package io.taskvault.task.deletion;

/**
 * A feature that keeps documents about a task outside the task's own collections (its edges, its context records, its
 * archive bundle). Deleting the task asks every one to drop them; each call must be safe to repeat, because a delete
 * cut short by a crash is finished by running it again.
 */
public interface TaskRemnants {

    /** Removes this feature's documents of the deleted task and tells whatever depended on them. */
    void remove(Tombstone deleted);
}

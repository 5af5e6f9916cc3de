package io.taskvault.task.deletion;

/** Published once a task is gone for good (every document of it removed), with its tombstone. */
public record TaskDeleted(Tombstone tombstone) {
}

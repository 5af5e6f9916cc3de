package io.taskvault.task;

/**
 * Published by a feature that wrote task documents in bulk around the task service (a restore, an import of an
 * export), so what is kept about the tasks as they change (the statistics' counters) is counted again.
 */
public record TasksRewritten(String by) {
}

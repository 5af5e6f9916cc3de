package io.taskvault.task;

import io.taskvault.task.history.EventType;

/**
 * Published after every stored change of a task (outside any lock), so other capabilities can react: unblocking
 * dependents, refreshing pages, counting metrics. Listeners run in the writer's thread.
 */
public record TaskChanged(Task task, EventType type, TaskState from, TaskState to, String actor) {
}

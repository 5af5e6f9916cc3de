package io.taskvault.events;

import java.time.Instant;

import io.taskvault.task.TaskState;
import io.taskvault.task.history.EventType;

/** One stored change of a task as the stream sends it; {@code key} is null once no task has the id any more. */
public record TaskEvent(String id, String taskId, String key, long seq, EventType type, TaskState fromState,
                        TaskState toState, String actor, Instant at) {
}

package io.taskvault.task.history;

import java.time.Instant;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import io.taskvault.task.TaskState;

/**
 * One immutable change of a task. {@code id} is {@code <taskId>:<seq>}, so a task's history is read by exact
 * keys and two writers can never take the same seq. {@code changes} holds every field the event changed, so the
 * task's projection can always be rolled forward from its last event.
 */
@Document(HistoryEvent.COLLECTION)
public record HistoryEvent(
        @Id String id,
        String taskId,
        long seq,
        EventType type,
        TaskState fromState,
        TaskState toState,
        Instant at,
        String actor,
        String provider,
        String model,
        String reason,
        String errorMessage,
        Map<String, Object> details,
        Map<String, FieldChange> changes,
        String prevHash,
        String hash,
        int schemaVersion) {

    public static final String COLLECTION = "task_history";
    public static final int SCHEMA_VERSION = 1;

    public static String idOf(String taskId, long seq) {
        return taskId + ":" + seq;
    }

    /** The task an event id belongs to (the part before the last colon of {@code <taskId>:<seq>}). */
    public static String taskIdOf(String eventId) {
        int colon = eventId.lastIndexOf(':');
        return colon < 0 ? eventId : eventId.substring(0, colon);
    }
}

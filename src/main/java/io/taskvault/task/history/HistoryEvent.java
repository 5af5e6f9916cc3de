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

    /** An event of the current schema: the {@code seq}th of task {@code taskId}, described by name on the builder. */
    public static Builder of(String taskId, long seq, EventType type) {
        return new Builder(taskId, seq, type);
    }

    /** Names each part of an event, so none is given by its position among seventeen. */
    public static final class Builder {

        private final String taskId;
        private final long seq;
        private final EventType type;
        private TaskState fromState;
        private TaskState toState;
        private Instant at;
        private String actor;
        private String provider;
        private String model;
        private String reason;
        private String errorMessage;
        private Map<String, Object> details = Map.of();
        private Map<String, FieldChange> changes = Map.of();
        private String prevHash;

        private Builder(String taskId, long seq, EventType type) {
            this.taskId = taskId;
            this.seq = seq;
            this.type = type;
        }

        /** The task's state before and after the event (before is null for its creation). */
        public Builder moved(TaskState from, TaskState to) {
            this.fromState = from;
            this.toState = to;
            return this;
        }

        public Builder at(Instant when) {
            this.at = when;
            return this;
        }

        public Builder by(String who) {
            this.actor = who;
            return this;
        }

        /** The AI provider and model the task names as the event happens. */
        public Builder ai(String providerName, String modelName) {
            this.provider = providerName;
            this.model = modelName;
            return this;
        }

        public Builder reason(String why) {
            this.reason = why;
            return this;
        }

        public Builder errorMessage(String message) {
            this.errorMessage = message;
            return this;
        }

        public Builder details(Map<String, Object> extra) {
            this.details = extra == null ? Map.of() : extra;
            return this;
        }

        /** Every stored field the event changed, with its value before and after. */
        public Builder changes(Map<String, FieldChange> diff) {
            this.changes = diff == null ? Map.of() : diff;
            return this;
        }

        /** The hash of the task's previous event, which this one is chained to (null for the first). */
        public Builder after(String previousHash) {
            this.prevHash = previousHash;
            return this;
        }

        /** The event, not yet sealed: its own hash is computed as it is stored. */
        public HistoryEvent build() {
            return new HistoryEvent(idOf(taskId, seq), taskId, seq, type, fromState, toState, at, actor, provider, model,
                    reason, errorMessage, details, changes, prevHash, null, SCHEMA_VERSION);
        }
    }
}

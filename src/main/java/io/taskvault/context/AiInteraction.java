package io.taskvault.context;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.data.annotation.Id;

/**
 * One exchange with an AI agent. Request and response are text or, when given as JSON objects, kept as objects.
 * Bodies above the inline cap live in GridFS (an object as its JSON text): the field is then null and
 * {@code requestBodyId} / {@code responseBodyId} name the file; sizes are in UTF-8 bytes of the text.
 */
public record AiInteraction(@Id String id, String taskId, long seq, String agent, String type,
                            Object request, String requestBodyId, long requestSize,
                            Object response, String responseBodyId, long responseSize,
                            Long tokens, Long durationMs, Boolean success, String error, String sessionId,
                            Instant at, int schemaVersion) implements ContextRecord {

    public static final int SCHEMA_VERSION = 1;

    public static AiInteraction of(String agent, String type, Object request, Object response, long tokens,
                                   long durationMs, boolean success, String sessionId) {
        return exchange(agent, type).request(request).response(response).tokens(tokens).durationMs(durationMs)
                .success(success).sessionId(sessionId).build();
    }

    /** An exchange of {@code agent} of kind {@code type}, not yet given to a task; its other parts named one by one. */
    public static Builder exchange(String agent, String type) {
        return new Builder(agent, type);
    }

    public AiInteraction failedWith(String message) {
        return toBuilder().success(false).error(message).build();
    }

    /** Whether the exchange failed (an explicit false, or an error message). */
    public boolean failed() {
        return Boolean.FALSE.equals(success) || error != null && !error.isBlank();
    }

    @Override
    public Map<String, String> problems() {
        Map<String, String> problems = new LinkedHashMap<>();
        ContextChecks.text(problems, "agent", agent, true);
        ContextChecks.text(problems, "type", type, true);
        ContextChecks.text(problems, "sessionId", sessionId, false);
        body(problems, "request", request, true);
        body(problems, "response", response, false);
        if (success == null) {
            problems.put("success", "is required: true or false");
        }
        if (tokens != null && tokens < 0) {
            problems.put("tokens", "must not be negative");
        }
        if (durationMs != null && durationMs < 0) {
            problems.put("durationMs", "must not be negative");
        }
        if (error != null && error.length() > ContextChecks.MAX_LONG_TEXT) {
            problems.put("error", "is longer than " + ContextChecks.MAX_LONG_TEXT + " characters");
        }
        return problems;
    }

    /** A body as text: text as it is, an object as its JSON. */
    @SuppressWarnings("unchecked")
    public static String text(Object body) {
        if (body instanceof Map<?, ?> object) {
            return new org.bson.Document((Map<String, Object>) object).toJson();
        }
        return body == null ? null : body.toString();
    }

    private static void body(Map<String, String> problems, String field, Object body, boolean required) {
        if (body == null || body instanceof String text && text.isEmpty() || body instanceof Map<?, ?> map && map.isEmpty()) {
            if (required) {
                problems.put(field, "is required");
            }
        } else if (body instanceof Map<?, ?>) {
            ContextChecks.map(problems, field, body);
        } else if (!(body instanceof String)) {
            problems.put(field, "must be text or a JSON object");
        }
    }

    @Override
    public AiInteraction identified(String task, long number, Instant now) {
        Builder identified = toBuilder();
        identified.id = ContextRecord.idOf(task, number);
        identified.taskId = task;
        identified.seq = number;
        identified.at = at == null ? now : at;
        identified.schemaVersion = SCHEMA_VERSION;
        return identified.build();
    }

    /** The record with its bodies as stored: inline text or a GridFS file id, and their sizes. */
    AiInteraction withBodies(StoredBody storedRequest, StoredBody storedResponse) {
        Builder stored = toBuilder();
        stored.request = storedRequest;
        stored.response = storedResponse;
        return stored.build();
    }

    private Builder toBuilder() {
        Builder builder = exchange(agent, type).tokens(tokens).durationMs(durationMs).success(success).error(error)
                .sessionId(sessionId);
        builder.id = id;
        builder.taskId = taskId;
        builder.seq = seq;
        builder.request = new StoredBody(request, requestBodyId, requestSize);
        builder.response = new StoredBody(response, responseBodyId, responseSize);
        builder.at = at;
        builder.schemaVersion = schemaVersion;
        return builder;
    }

    /** Names each part of an exchange, so none is given by its position among eighteen. */
    public static final class Builder {

        private String id;
        private String taskId;
        private long seq;
        private final String agent;
        private final String type;
        private StoredBody request = StoredBody.NONE;
        private StoredBody response = StoredBody.NONE;
        private Long tokens;
        private Long durationMs;
        private Boolean success;
        private String error;
        private String sessionId;
        private Instant at;
        private int schemaVersion = SCHEMA_VERSION;

        private Builder(String agent, String type) {
            this.agent = agent;
            this.type = type;
        }

        /** What was asked: text, or a JSON object kept as an object. */
        public Builder request(Object body) {
            this.request = new StoredBody(body, null, 0);
            return this;
        }

        /** What came back: text, or a JSON object kept as an object. */
        public Builder response(Object body) {
            this.response = new StoredBody(body, null, 0);
            return this;
        }

        public Builder tokens(Long used) {
            this.tokens = used;
            return this;
        }

        public Builder durationMs(Long millis) {
            this.durationMs = millis;
            return this;
        }

        public Builder success(Boolean succeeded) {
            this.success = succeeded;
            return this;
        }

        public Builder error(String message) {
            this.error = message;
            return this;
        }

        public Builder sessionId(String session) {
            this.sessionId = session;
            return this;
        }

        public AiInteraction build() {
            return new AiInteraction(id, taskId, seq, agent, type, request.inline(), request.fileId(), request.size(),
                    response.inline(), response.fileId(), response.size(), tokens, durationMs, success, error,
                    sessionId, at, schemaVersion);
        }
    }
}

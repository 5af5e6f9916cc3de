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
        return new AiInteraction(null, null, 0, agent, type, request, null, 0, response, null, 0, tokens, durationMs,
                success, null, sessionId, null, SCHEMA_VERSION);
    }

    public AiInteraction failedWith(String message) {
        return new AiInteraction(id, taskId, seq, agent, type, request, requestBodyId, requestSize, response,
                responseBodyId, responseSize, tokens, durationMs, false, message, sessionId, at, schemaVersion);
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
        return new AiInteraction(ContextRecord.idOf(task, number), task, number, agent, type, request, requestBodyId,
                requestSize, response, responseBodyId, responseSize, tokens, durationMs, success, error, sessionId,
                at == null ? now : at, SCHEMA_VERSION);
    }

    /** The record with its bodies as stored: inline text or a GridFS file id, and their sizes. */
    AiInteraction withBodies(StoredBody storedRequest, StoredBody storedResponse) {
        return new AiInteraction(id, taskId, seq, agent, type, storedRequest.inline(), storedRequest.fileId(),
                storedRequest.size(), storedResponse.inline(), storedResponse.fileId(), storedResponse.size(), tokens,
                durationMs, success, error, sessionId, at, schemaVersion);
    }
}

package io.taskvault.task;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.springframework.data.mongodb.core.query.Query;

import io.taskvault.task.history.FieldChange;

/**
 * What the statistics count of one task: its state (null when the stored value names no state), role, provider, how
 * long it ran (only once finished, from start to completion) and its complexity score.
 */
record CountedFacts(TaskState state, String role, String provider, Long runningMillis, Integer complexity) {

    static final String NONE = "(none)";

    /** The stored fields {@link #of(Document)} reads. */
    static final List<String> FIELDS = List.of("state", "role", "provider", "startedAt", "completedAt", "complexityScore");

    /** The query of a pass over the stored tasks' counted fields. */
    static Query projection() {
        Query query = new Query();
        query.fields().include(FIELDS.toArray(String[]::new));
        return query;
    }

    /** The facts of a stored task after a change's field changes were applied to it as {@code before}. */
    static CountedFacts after(Document before, Map<String, FieldChange> changes) {
        Document after = new Document(before);
        changes.forEach((field, change) -> {
            if (change.after() == null) {
                after.remove(field);
            } else {
                after.put(field, change.after());
            }
        });
        return of(after);
    }

    static CountedFacts of(Task task) {
        return of(task.getState(), task.getRole(), task.getProvider(), millis(task.getStartedAt()),
                millis(task.getCompletedAt()), task.getComplexityScore());
    }

    /** From a task document as stored (any schema version): what a pass over the collection counts. */
    static CountedFacts of(Document task) {
        Integer complexity = task.get("complexityScore") instanceof Number score ? score.intValue() : null;
        return of(parse(task.get("state")), text(task.get("role")), text(task.get("provider")),
                millis(task.get("startedAt")), millis(task.get("completedAt")), complexity);
    }

    private static CountedFacts of(TaskState state, String role, String provider, Long started, Long completed,
                                   Integer complexity) {
        Long running = started != null && completed != null && state != null && state.isFinished()
                ? completed - started : null;
        return new CountedFacts(state, orNone(role), orNone(provider), running, complexity);
    }

    //why: the stored value is what a recount reads, so an Instant counts as the milliseconds its Date holds
    private static Long millis(Object value) {
        if (value instanceof Date date) {
            return date.getTime();
        }
        return value instanceof Instant instant ? Date.from(instant).getTime() : null;
    }

    private static String text(Object value) {
        return value instanceof String text ? text : null;
    }

    private static TaskState parse(Object state) {
        if (state instanceof TaskState known) {
            return known;
        }
        try {
            return state instanceof String name ? TaskState.valueOf(name) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static String orNone(String value) {
        return value == null || value.isBlank() ? NONE : value;
    }
}

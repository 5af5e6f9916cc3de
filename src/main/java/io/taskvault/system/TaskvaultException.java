package io.taskvault.system;

import java.util.Map;

/**
 * A refusal worded for the person or program that asked: what kind of refusal it is, a short title and the message.
 * Each door (REST problem details, dashboard flash, shell exit code) turns the kind into its own answer, once.
 */
public abstract class TaskvaultException extends RuntimeException {

    /** What went wrong, from the asker's side; each door has one answer per kind. */
    public enum Kind {
        /** The input is wrong; asking again with the same input fails again. */
        INVALID,
        NOT_FOUND,
        /** The thing asked for contradicts the current state (an illegal move, a lost race, a refused restore). */
        CONFLICT,
        /** A conditional request (If-Match) named a version that is no longer current. */
        PRECONDITION_FAILED,
        TOO_LARGE,
        /** Nothing is wrong with the request; the store cannot serve it now. */
        UNAVAILABLE
    }

    private final Kind kind;
    private final String title;

    protected TaskvaultException(Kind kind, String title, String message) {
        this(kind, title, message, null);
    }

    protected TaskvaultException(Kind kind, String title, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.title = title;
    }

    public Kind kind() {
        return kind;
    }

    /** A few words naming the problem ("Task not found"), the same for every instance of a type. */
    public String title() {
        return title;
    }

    /** Where a person at the shell can look next ("'list' shows the tasks there are"), or null. */
    public String nextStep() {
        return null;
    }

    /** Facts a program may act on (the allowed next states, the limit …), added to the REST problem as properties. */
    public Map<String, Object> details() {
        return Map.of();
    }
}

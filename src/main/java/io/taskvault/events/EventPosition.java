package io.taskvault.events;

import java.time.Instant;

/**
 * A place in the history of every task: the time an event was stored and its id ({@code <taskId>:<seq>}) as the
 * tie-break. Its text, {@code <epoch millis>-<event id>}, is the SSE event id a client hands back as
 * {@code Last-Event-ID}.
 */
public record EventPosition(Instant at, String eventId) {

    /** The place after every event stored at or before {@code at}. */
    public static EventPosition after(Instant at) {
        return new EventPosition(at, null);
    }

    /** Reads a {@code Last-Event-ID}; anything else is refused naming it. */
    public static EventPosition parse(String text) {
        int dash = text.indexOf('-');
        if (dash > 0 && dash < text.length() - 1) {
            try {
                return new EventPosition(Instant.ofEpochMilli(Long.parseLong(text.substring(0, dash))),
                        text.substring(dash + 1));
            } catch (NumberFormatException e) {
                //why: falls through to the one message for every malformed id
            }
        }
        throw new IllegalArgumentException("Last-Event-ID '" + text + "' is not an id this stream sent "
                + "(<epoch millis>-<taskId>:<seq>)");
    }

    @Override
    public String toString() {
        return at.toEpochMilli() + "-" + eventId;
    }
}

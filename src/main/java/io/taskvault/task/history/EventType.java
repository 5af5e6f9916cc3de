package io.taskvault.task.history;

/** What kind of change a history event records. */
public enum EventType {
    CREATED, STATE_CHANGED, UPDATED, OUTPUT_ADDED, NOTE, ARCHIVED, RESTORED, HEARTBEAT, IMPORTED
}

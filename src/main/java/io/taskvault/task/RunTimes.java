package io.taskvault.task;

import java.time.Instant;

/**
 * When a task's current run started and finished, when its worker last beat (the lease recovery reads), and when it
 * was archived. Stored flat in the task's document ({@code startedAt}, {@code completedAt}, {@code archivedAt},
 * {@code heartbeatAt}).
 */
final class RunTimes {

    private Instant startedAt;
    private Instant completedAt;
    private Instant archivedAt;
    private Instant heartbeatAt;

    /** A run starts: its worker holds the lease from now, and the run is no longer finished. */
    void started(Instant now) {
        startedAt = now;
        completedAt = null;
        heartbeatAt = now;
    }

    void finished(Instant now) {
        completedAt = now;
    }

    /** The task goes back to the start line for another attempt. */
    void reset() {
        startedAt = null;
        completedAt = null;
    }

    void archived(Instant now) {
        archivedAt = now;
    }

    void restored() {
        archivedAt = null;
    }

    /** The worker renews its lease. */
    void beat(Instant now) {
        heartbeatAt = now;
    }

    Instant startedAt() {
        return startedAt;
    }

    void startedAt(Instant value) {
        this.startedAt = value;
    }

    Instant completedAt() {
        return completedAt;
    }

    void completedAt(Instant value) {
        this.completedAt = value;
    }

    Instant archivedAt() {
        return archivedAt;
    }

    void archivedAt(Instant value) {
        this.archivedAt = value;
    }

    Instant heartbeatAt() {
        return heartbeatAt;
    }

    void heartbeatAt(Instant value) {
        this.heartbeatAt = value;
    }
}

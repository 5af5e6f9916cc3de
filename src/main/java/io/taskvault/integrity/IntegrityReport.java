package io.taskvault.integrity;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One integrity pass over every task: each broken link or projection mismatch found, with what was expected, and
 * how many deleted tasks were accounted for by their tombstones.
 */
public record IntegrityReport(Instant at, int checked, long deleted, List<Finding> findings, Duration took) {

    /**
     * One problem in one task: {@code CHAIN} (history), {@code PROJECTION} (task fields vs. its events) or
     * {@code MISSING} (a key handed out that no task, archive entry or tombstone has).
     */
    public record Finding(String taskKey, String kind, String problem) {
    }

    public boolean intact() {
        return findings.isEmpty();
    }

    public String summary() {
        return (intact() ? "intact: " : findings.size() + " problems in ") + checked + " tasks checked in "
                + took.toMillis() + " ms" + (deleted > 0 ? "; " + deleted + " deleted tasks accounted for by tombstones" : "");
    }
}

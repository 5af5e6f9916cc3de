package io.taskvault.integrity;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** One integrity pass over every task: each broken link or projection mismatch found, with what was expected. */
public record IntegrityReport(Instant at, int checked, List<Finding> findings, Duration took) {

    /** One problem in one task: {@code CHAIN} (history) or {@code PROJECTION} (task fields vs. its events). */
    public record Finding(String taskKey, String kind, String problem) {
    }

    public boolean intact() {
        return findings.isEmpty();
    }

    public String summary() {
        return (intact() ? "intact: " : findings.size() + " problems in ") + checked + " tasks checked in "
                + took.toMillis() + " ms";
    }
}

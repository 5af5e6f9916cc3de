package io.taskvault.recovery;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** One pass of lease recovery: how many RUNNING tasks were checked and which were interrupted, and how long it took. */
public record RecoveryReport(Instant at, int running, List<String> interrupted, Duration took) {

    public int recovered() {
        return interrupted.size();
    }

    public String summary() {
        return "recovered " + recovered() + " of " + running + " running tasks in " + took.toMillis() + " ms";
    }
}

package io.taskvault.task;

import java.util.Map;

/**
 * Counts of tasks that left the hot collection for the archive, kept as counters so statistics stay right after
 * archival without recounting what moved.
 */
public interface ArchivedTaskCounts {

    Counts current();

    /** {@code byState} is keyed by the state a task had before it was archived. */
    record Counts(long total, Map<String, Long> byState, Map<String, Long> byRole) {
    }
}

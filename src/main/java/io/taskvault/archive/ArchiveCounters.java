package io.taskvault.archive;

import java.util.Map;

/** Counters of archived tasks, kept as tasks move in and out of the archive (never recounted). */
public record ArchiveCounters(long total, Map<String, Long> byState, Map<String, Long> byRole) {
}

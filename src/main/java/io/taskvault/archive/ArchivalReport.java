package io.taskvault.archive;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One archival run.
 *
 * @param archived      keys moved to the archive (or, in a dry run, that would be)
 * @param resumed       tasks an earlier, interrupted run had left half-archived and this run finished
 * @param originalBytes raw BSON size of the documents taken out of the hot collections
 * @param bundleBytes   size of the compressed bundles that replaced them
 * @param bytesSaved    {@code originalBytes - bundleBytes}
 * @param compacted     bytes the data file gave back to the disk after compaction (embedded store only)
 * @param error         why the run stopped early, or null
 */
public record ArchivalReport(Instant startedAt, boolean dryRun, boolean skipped, Instant cutoff, List<String> archived,
                             int resumed, long originalBytes, long bundleBytes, long bytesSaved, long compacted,
                             Duration took, String error) {

    static ArchivalReport skippedAt(Instant at) {
        return new ArchivalReport(at, false, true, null, List.of(), 0, 0, 0, 0, 0, Duration.ZERO, null);
    }

    public boolean succeeded() {
        return error == null;
    }

    public String summary() {
        if (skipped) {
            return "skipped: another taskvault instance holds the archival lock";
        }
        return (dryRun ? "dry run: would archive " : "archived ") + archived.size() + " tasks finished before " + cutoff
                + (resumed > 0 ? ", finished " + resumed + " left by an interrupted run" : "")
                + (dryRun ? "" : ", " + originalBytes + " bytes packed into " + bundleBytes + " (saved " + bytesSaved
                + "), compaction returned " + compacted + " bytes")
                + ", in " + took.toMillis() + " ms" + (error == null ? "" : "; STOPPED: " + error);
    }
}

package io.taskvault.exchange;

import java.util.List;

/**
 * What an import did (or, in a dry run, would do): every task created, updated or skipped, every file or record
 * rejected, every reference (dependsOn, relatedTo, blocks) that named no known task or could not become an edge, and
 * every source record whose recorded checksum does not fit its content, each with its file and the reason.
 */
public record ImportSummary(String source, boolean dryRun, List<Entry> created, List<Entry> updated,
                            List<Entry> skipped, List<Entry> rejected, List<Entry> unresolved,
                            List<Entry> checksumMismatches) {

    /** One task or file: where it came from, the source's id for it (if known), and why. */
    public record Entry(String file, String id, String reason) {
    }

    public String headline() {
        return (dryRun ? "dry run, nothing stored: " : "") + created.size() + " created, " + updated.size()
                + " updated, " + skipped.size() + " skipped, " + rejected.size() + " rejected"
                + (unresolved.isEmpty() ? "" : ", " + unresolved.size() + " unresolved references")
                + (checksumMismatches.isEmpty() ? "" : ", " + checksumMismatches.size() + " checksum mismatches");
    }
}

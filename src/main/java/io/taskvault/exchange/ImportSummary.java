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

    /**
     * One task, file or collection: where it came from, the source's id for it (if known), why, and how many documents
     * it stands for (one, or all of a collection's in a taskvault export).
     */
    public record Entry(String file, String id, String reason, int documents) {

        public Entry(String file, String id, String reason) {
            this(file, id, reason, 1);
        }
    }

    /** The counts of documents, so the headline adds up to what its lines list. */
    public String headline() {
        return (dryRun ? "dry run, nothing stored: " : "") + documents(created) + " created, " + documents(updated)
                + " updated, " + documents(skipped) + " skipped, " + documents(rejected) + " rejected"
                + (unresolved.isEmpty() ? "" : ", " + unresolved.size() + " unresolved references")
                + (checksumMismatches.isEmpty() ? "" : ", " + checksumMismatches.size() + " checksum mismatches");
    }

    private static int documents(List<Entry> entries) {
        return entries.stream().mapToInt(Entry::documents).sum();
    }
}

package io.taskvault.exchange;

import java.util.ArrayList;
import java.util.List;

/** Collects the entries of one import as it goes. */
final class ImportLog {

    final List<ImportSummary.Entry> created = new ArrayList<>();
    final List<ImportSummary.Entry> updated = new ArrayList<>();
    final List<ImportSummary.Entry> skipped = new ArrayList<>();
    final List<ImportSummary.Entry> rejected = new ArrayList<>();
    final List<ImportSummary.Entry> unresolved = new ArrayList<>();
    final List<ImportSummary.Entry> checksumMismatches = new ArrayList<>();

    void reject(String file, String id, String reason) {
        rejected.add(new ImportSummary.Entry(file, id, reason));
    }

    void unresolved(String file, String id, String reason) {
        unresolved.add(new ImportSummary.Entry(file, id, reason));
    }

    void checksumMismatch(String file, String id, String reason) {
        checksumMismatches.add(new ImportSummary.Entry(file, id, reason));
    }

    ImportSummary summary(String source, boolean dryRun) {
        return new ImportSummary(source, dryRun, List.copyOf(created), List.copyOf(updated), List.copyOf(skipped),
                List.copyOf(rejected), List.copyOf(unresolved), List.copyOf(checksumMismatches));
    }
}

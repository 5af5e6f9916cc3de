package io.taskvault.store.schema;

import java.util.List;

/** What one batch upgrade did: documents rewritten, how long it took, and the counts per version afterwards. */
public record UpgradeReport(long rewritten, long millis, List<VersionCounts> after) {
}

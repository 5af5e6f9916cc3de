package io.taskvault.backup;

import java.time.Instant;

/**
 * Published once a backup has been restored into the store: every collection now holds the backup's documents, so
 * whatever a feature judged or kept about the previous ones (interrupted work, leases, counts) is to be judged again.
 * Listeners run in the restoring thread, after the restore is complete and reported.
 */
public record StoreRestored(String backup, Instant at, long documents) {
}

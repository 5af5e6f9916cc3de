package io.taskvault.backup;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The last backup operation (create, verify or restore) and how it ended, kept across restarts.
 *
 * @param problems   what verify found, or why the operation failed; empty when it succeeded
 * @param undoBackup for a restore, the backup of the state it replaced (restoring it undoes the restore); else null
 */
public record BackupReport(String action, String backup, Instant at, boolean succeeded, long documents, long bytes,
                           List<String> problems, Duration took, String undoBackup) {

    public String summary() {
        return action + " " + (backup == null ? "" : backup + " ") + (succeeded ? "succeeded" : "FAILED") + ": "
                + documents + " documents, " + bytes + " bytes in " + took.toMillis() + " ms"
                + (undoBackup == null ? "" : "; the state before is in " + undoBackup)
                + (problems.isEmpty() ? "" : "; " + String.join("; ", problems));
    }
}

package io.taskvault.backup;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * A finished restore: the backup restored and the backup of the state it replaced.
 *
 * @param undoBackup the backup written just before the restore; restoring it (forced) undoes the restore
 */
public record RestoreResult(@JsonUnwrapped BackupInfo restored, String undoBackup) {
}

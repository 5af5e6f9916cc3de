package io.taskvault.backup;

import io.taskvault.system.TaskvaultException;

/** A backup cannot be restored as asked: the store is not empty (and not forced), or the backup is damaged. */
public class BackupRefusedException extends TaskvaultException {

    public BackupRefusedException(String message) {
        super(Kind.CONFLICT, "Restore refused", message);
    }
}

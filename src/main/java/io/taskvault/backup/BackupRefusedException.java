package io.taskvault.backup;

/** A backup cannot be restored as asked: the store is not empty (and not forced), or the backup is damaged. */
public class BackupRefusedException extends RuntimeException {

    public BackupRefusedException(String message) {
        super(message);
    }
}

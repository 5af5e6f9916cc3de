package io.taskvault.backup;

import io.taskvault.system.TaskvaultException;

/** No backup has the name asked for (or the name could not be one). */
public class BackupNotFoundException extends TaskvaultException {

    public BackupNotFoundException(String message) {
        super(Kind.NOT_FOUND, "Backup not found", message);
    }
}

package io.taskvault.store;

import java.nio.file.Path;

import io.taskvault.system.TaskvaultException;

/** The data file is held by another running taskvault. */
public class StoreLockedException extends TaskvaultException {

    public StoreLockedException(Path path, String holder) {
        super(Kind.UNAVAILABLE, "Store locked", "The data file " + path + " is in use by another running taskvault" + holder
                + ". Stop that process, or start this one with --taskvault.store.path=<another file>.");
    }
}

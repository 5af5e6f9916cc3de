package io.taskvault.store;

import java.nio.file.Path;

/** The data file is held by another running taskvault. */
public class StoreLockedException extends RuntimeException {

    public StoreLockedException(Path path, String holder) {
        super("The data file " + path + " is in use by another running taskvault" + holder
                + ". Stop that process, or start this one with --taskvault.store.path=<another file>.");
    }
}

package io.taskvault.exchange;

import io.taskvault.system.InvalidInputException;

/** An import that cannot start: no such directory or file, or a file that is not an export this taskvault reads. */
public class ImportSourceException extends InvalidInputException {

    public ImportSourceException(String message) {
        super("Import source not usable", message);
    }
}

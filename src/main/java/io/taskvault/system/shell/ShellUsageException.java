package io.taskvault.system.shell;

/** A command was typed wrongly: a bad option value, a missing argument, a refused confirmation. */
public class ShellUsageException extends RuntimeException {

    public ShellUsageException(String message) {
        super(message);
    }
}

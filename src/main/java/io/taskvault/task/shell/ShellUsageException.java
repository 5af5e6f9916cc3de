package io.taskvault.task.shell;

/** A command was typed wrongly: a bad option value, a missing argument, a refused confirmation. */
class ShellUsageException extends RuntimeException {

    ShellUsageException(String message) {
        super(message);
    }
}

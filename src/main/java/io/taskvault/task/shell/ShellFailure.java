package io.taskvault.task.shell;

import java.lang.reflect.InvocationTargetException;

import org.springframework.core.convert.ConversionException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.shell.core.command.CommandExecutionException;
import org.springframework.shell.core.command.CommandNotFoundException;

import io.taskvault.context.ContextRecordNotFoundException;
import io.taskvault.task.ConcurrentTaskModificationException;
import io.taskvault.task.IllegalTransitionException;
import io.taskvault.task.InvalidTaskException;
import io.taskvault.task.TaskNotFoundException;

/** What went wrong with a command, as one line for a person and an exit code for a script. */
record ShellFailure(int exitCode, String message, Throwable cause) {

    static final int FAILED = 1;
    static final int USAGE = 2;
    static final int NOT_FOUND = 3;
    static final int CONFLICT = 4;
    static final int NOT_ALLOWED = 5;

    /** The failure behind an exception thrown while parsing or running a command. */
    static ShellFailure of(Throwable thrown) {
        return of(thrown, null);
    }

    /** The same, for a command line that named {@code command} (null if it named none), which messages point to. */
    static ShellFailure of(Throwable thrown, String command) {
        Throwable e = unwrap(thrown);
        if (e instanceof CommandNotFoundException notFound) {
            return new ShellFailure(USAGE, "unknown command '" + notFound.getCommandName()
                    + "'; type 'help' to see the commands", e);
        }
        if (e instanceof TaskNotFoundException) {
            return new ShellFailure(NOT_FOUND, e.getMessage() + "; 'list' shows the tasks there are", e);
        }
        if (e instanceof ContextRecordNotFoundException) {
            return new ShellFailure(NOT_FOUND, e.getMessage() + "; 'context list' shows the records there are", e);
        }
        if (e instanceof IllegalTransitionException || e instanceof ConcurrentTaskModificationException) {
            return new ShellFailure(CONFLICT, e.getMessage(), e);
        }
        if (e instanceof AccessDeniedException) {
            return new ShellFailure(NOT_ALLOWED, e.getMessage(), e);
        }
        if (e instanceof InvalidTaskException || e instanceof ShellUsageException) {
            return new ShellFailure(USAGE, e.getMessage(), e);
        }
        if (e instanceof ConversionException) {
            return new ShellFailure(USAGE, "bad option value: " + rootMessage(e), e);
        }
        if (e instanceof IllegalArgumentException) {
            return new ShellFailure(USAGE, aboutOptions(e.getMessage(), command), e);
        }
        String message = rootMessage(e);
        return new ShellFailure(FAILED, message == null ? e.getClass().getSimpleName() : message, e);
    }

    //why: Spring Shell words these "Required option '--reason' is missing." without naming the command
    private static String aboutOptions(String message, String command) {
        String text = message == null ? "bad usage" : message.replaceAll("[.;\\s]+$", "");
        if (command == null) {
            return text + ". See 'help'.";
        }
        boolean aboutAnOption = text.startsWith("Required option") || text.startsWith("Option '");
        return text + (aboutAnOption ? " for '" + command + "'" : "") + ". See 'help " + command + "'.";
    }

    private static Throwable unwrap(Throwable thrown) {
        Throwable e = thrown;
        while ((e instanceof CommandExecutionException || e instanceof InvocationTargetException)
                && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : e.getMessage();
    }
}

package io.taskvault.system.shell;

import java.lang.reflect.InvocationTargetException;

import org.springframework.core.convert.ConversionException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.shell.core.command.CommandExecutionException;
import org.springframework.shell.core.command.CommandNotFoundException;

import io.taskvault.system.TaskvaultException;

/** What went wrong with a command, as one line for a person and an exit code for a script. */
public record ShellFailure(int exitCode, String message, Throwable cause) {

    public static final int FAILED = 1;
    public static final int USAGE = 2;
    public static final int NOT_FOUND = 3;
    public static final int CONFLICT = 4;
    public static final int NOT_ALLOWED = 5;

    /** The failure behind an exception thrown while parsing or running a command. */
    public static ShellFailure of(Throwable thrown) {
        return of(thrown, null);
    }

    /** The same, for a command line that named {@code command} (null if it named none), which messages point to. */
    public static ShellFailure of(Throwable thrown, String command) {
        Throwable e = unwrap(thrown);
        if (e instanceof CommandNotFoundException notFound) {
            return new ShellFailure(USAGE, "unknown command '" + notFound.getCommandName()
                    + "'; type 'help' to see the commands", e);
        }
        if (e instanceof TaskvaultException refusal) {
            return of(refusal);
        }
        if (e instanceof AccessDeniedException) {
            return new ShellFailure(NOT_ALLOWED, e.getMessage(), e);
        }
        if (e instanceof ShellUsageException) {
            return new ShellFailure(USAGE, e.getMessage(), e);
        }
        if (e instanceof ConversionException) {
            return new ShellFailure(USAGE, "bad option value: " + rootMessage(e), e);
        }
        if (e instanceof IllegalArgumentException && fromTheShellFramework(e)) {
            return new ShellFailure(USAGE, aboutOptions(e.getMessage(), command), e);
        }
        String message = rootMessage(e);
        return new ShellFailure(FAILED, message == null ? e.getClass().getSimpleName() : message, e);
    }

    private static ShellFailure of(TaskvaultException e) {
        String next = e.nextStep() == null ? "" : "; " + e.nextStep();
        return switch (e.kind()) {
            case INVALID -> new ShellFailure(USAGE, e.getMessage(), e);
            case NOT_FOUND -> new ShellFailure(NOT_FOUND, e.getMessage() + next, e);
            case CONFLICT, PRECONDITION_FAILED -> new ShellFailure(CONFLICT, e.getMessage(), e);
            default -> new ShellFailure(FAILED, rootMessage(e), e);
        };
    }

    //why: Spring Shell refuses a missing or malformed option with a plain IllegalArgumentException; one from our own
    //    code is a fault of ours, not bad usage
    private static boolean fromTheShellFramework(Throwable e) {
        StackTraceElement[] trace = e.getStackTrace();
        return trace.length > 0 && trace[0].getClassName().startsWith("org.springframework.shell.");
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

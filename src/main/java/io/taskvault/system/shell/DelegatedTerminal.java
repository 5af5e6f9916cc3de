package io.taskvault.system.shell;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * The terminal of the launcher that handed a command to this process: its output goes there, not to this process's
 * console, so colour and width are the launcher's. Set only on the thread that runs the delegated command.
 *
 * @param colour colour is wanted (a terminal on both ends, no NO_COLOR)
 * @param width  its columns; 0 when unknown (piped output)
 */
public record DelegatedTerminal(boolean colour, int width) {

    private static final ThreadLocal<DelegatedTerminal> CURRENT = new ThreadLocal<>();

    /** The launcher's terminal when the current thread runs a delegated command. */
    public static Optional<DelegatedTerminal> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** Runs the work with this terminal as the current thread's. */
    public <T> T run(Supplier<T> work) {
        DelegatedTerminal before = CURRENT.get();
        CURRENT.set(this);
        try {
            return work.get();
        } finally {
            CURRENT.set(before);
        }
    }
}

package io.taskvault.system.shell;

import java.io.PrintWriter;

import org.jline.terminal.Terminal;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.shell.core.command.CommandContext;

import io.taskvault.system.ProgressListener;

/** A one-line progress bar redrawn in place; silent when the output is not a terminal (scripts, pipes, tests). */
public final class ProgressBar implements ProgressListener {

    private static final int BAR = 30;
    private final PrintWriter out;
    private final String label;
    private final boolean shown;
    private long total;
    private long done;
    private int lastPercent = -1;

    public ProgressBar(PrintWriter out, String label, long total, boolean terminal) {
        this.out = out;
        this.label = label;
        this.total = Math.max(1, total);
        this.shown = terminal;
    }

    /**
     * A bar for a shell command: drawn only when a person watches a real terminal (see {@link #watched}); never for a
     * delegated command, whose answer is sent whole when it ends.
     */
    public static ProgressBar forCommand(CommandContext ctx, ObjectProvider<Terminal> terminal, String label) {
        //why: the terminal is made only with a console; without one JLine makes a dumb one, slowly (see ShellStyle)
        boolean console = System.console() != null;
        boolean watched = DelegatedTerminal.current().isEmpty()
                && watched(console, console ? terminal.getIfAvailable() : null);
        return new ProgressBar(ctx.outputWriter(), label, 0, watched);
    }

    /** A person is watching: stdin/stdout is a console and JLine got a real (not dumb) terminal. */
    public static boolean watched(boolean console, Terminal terminal) {
        return console && terminal != null && !terminal.getType().startsWith("dumb");
    }

    /** One more unit done. */
    public void step() {
        progress(done + 1, total);
    }

    @Override
    public void progress(long doneSoFar, long totalNow) {
        done = doneSoFar;
        total = Math.max(1, totalNow);
        int percent = (int) Math.min(100, done * 100 / total);
        if (shown && percent != lastPercent) {
            lastPercent = percent;
            int filled = percent * BAR / 100;
            out.print("\r" + label + " [" + "#".repeat(filled) + "-".repeat(BAR - filled) + "] " + percent + "% "
                    + done + "/" + total);
            out.flush();
        }
    }

    /** Clears the bar so the result starts on a clean line. */
    public void finish() {
        if (shown && lastPercent >= 0) {
            out.print("\r" + " ".repeat(BAR + label.length() + 30) + "\r");
            out.flush();
        }
    }
}

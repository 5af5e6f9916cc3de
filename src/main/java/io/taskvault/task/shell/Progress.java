package io.taskvault.task.shell;

import java.io.PrintWriter;

/** A one-line progress bar redrawn in place; silent when the output is not a terminal (scripts, pipes, tests). */
final class Progress {

    private static final int BAR = 30;
    private final PrintWriter out;
    private final long total;
    private final boolean shown;
    private long done;
    private int lastPercent = -1;

    Progress(PrintWriter out, long total, boolean terminal) {
        this.out = out;
        this.total = Math.max(1, total);
        this.shown = terminal;
    }

    void step(String label) {
        done++;
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
    void finish() {
        if (shown && lastPercent >= 0) {
            out.print("\r" + " ".repeat(BAR + 40) + "\r");
            out.flush();
        }
    }
}

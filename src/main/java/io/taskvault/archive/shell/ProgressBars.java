package io.taskvault.archive.shell;

import org.jline.terminal.Terminal;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.shell.core.command.CommandContext;

import io.taskvault.system.ProgressBar;

/** Progress bars for the operations commands (archive, backup, integrity): drawn only on a real terminal. */
public final class ProgressBars {

    private ProgressBars() {
    }

    //why: the same test as task/shell's ShellStyle.terminal(), which is not visible from here
    public static ProgressBar forCommand(CommandContext ctx, ObjectProvider<Terminal> terminal, String label) {
        Terminal t = terminal.getIfAvailable();
        boolean shown = System.console() != null && t != null && !t.getType().startsWith("dumb");
        return new ProgressBar(ctx.outputWriter(), label, 1, shown);
    }
}

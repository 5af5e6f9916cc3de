package io.taskvault.exchange.shell;

import org.jline.terminal.Terminal;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.stereotype.Component;

import io.taskvault.system.ProgressBar;

/** Progress bars for long exchange commands: drawn on a terminal someone watches, silent in scripts and tests. */
@Component
class ShellProgress {

    private final ObjectProvider<Terminal> terminal;

    ShellProgress(ObjectProvider<Terminal> terminal) {
        this.terminal = terminal;
    }

    ProgressBar bar(CommandContext ctx, String label) {
        return new ProgressBar(ctx.outputWriter(), label, 0, terminal());
    }

    //why: the same test as task/shell/ShellStyle.terminal(), which is not visible from here
    private boolean terminal() {
        if (System.console() == null) {
            return false;
        }
        Terminal t = terminal.getIfAvailable();
        return t != null && !t.getType().startsWith("dumb");
    }
}

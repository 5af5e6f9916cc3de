package io.taskvault.integrity.shell;

import java.util.stream.Collectors;

import org.jline.terminal.Terminal;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.stereotype.Component;

import io.taskvault.integrity.IntegrityCheck;
import io.taskvault.integrity.IntegrityReport;
import io.taskvault.system.shell.ProgressBar;

/** Shell commands {@code integrity verify} (every chain and projection, one problem a line) and {@code integrity status}. */
@Component
public class IntegrityCommands {

    private final IntegrityCheck check;
    private final ObjectProvider<Terminal> terminal;

    IntegrityCommands(IntegrityCheck check, ObjectProvider<Terminal> terminal) {
        this.check = check;
        this.terminal = terminal;
    }

    @Command(name = "integrity verify", group = "Integrity", description = "Verify every task's hash chain and projection",
            help = "integrity verify")
    public String verify(CommandContext ctx) {
        ProgressBar bar = ProgressBar.forCommand(ctx, terminal, "verifying");
        IntegrityReport report;
        try {
            report = check.verifyAll(bar);
        } finally {
            bar.finish();
        }
        return describe(report);
    }

    @Command(name = "integrity status", group = "Integrity", description = "The last integrity check's result",
            help = "integrity status")
    public String status() {
        return check.lastReport().map(r -> "last check " + r.at() + ": " + describe(r)).orElse("no integrity check yet");
    }

    private static String describe(IntegrityReport report) {
        return report.summary() + report.findings().stream()
                .map(f -> "\n  " + f.taskKey() + " " + f.kind() + ": " + f.problem()).collect(Collectors.joining());
    }
}

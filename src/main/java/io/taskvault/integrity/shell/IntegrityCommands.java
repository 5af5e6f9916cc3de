package io.taskvault.integrity.shell;

import java.util.stream.Collectors;

import org.springframework.shell.core.command.annotation.Command;
import org.springframework.stereotype.Component;

import io.taskvault.integrity.IntegrityCheck;
import io.taskvault.integrity.IntegrityReport;

/** Shell command {@code integrity verify}: every chain and projection, each problem on its own line. */
@Component
public class IntegrityCommands {

    private final IntegrityCheck check;

    IntegrityCommands(IntegrityCheck check) {
        this.check = check;
    }

    @Command(name = "integrity verify", group = "Integrity", description = "Verify every task's hash chain and projection")
    public String verify() {
        IntegrityReport report = check.verifyAll();
        return report.summary() + report.findings().stream()
                .map(f -> "\n  " + f.taskKey() + " " + f.kind() + ": " + f.problem()).collect(Collectors.joining());
    }
}

package io.taskvault.backup.shell;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jline.terminal.Terminal;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

import io.taskvault.backup.BackupInfo;
import io.taskvault.backup.Backups;
import io.taskvault.backup.RestoreResult;
import io.taskvault.system.shell.ProgressBar;

/** Shell commands {@code backup create|list|verify|restore}. */
@Component
public class BackupCommands {

    private final Backups backups;
    private final ObjectProvider<Terminal> terminal;

    BackupCommands(Backups backups, ObjectProvider<Terminal> terminal) {
        this.backups = backups;
        this.terminal = terminal;
    }

    @Command(name = "backup create", group = "Backup", description = "Write a consistent, compressed, checksummed snapshot",
            help = "backup create")
    public String create(CommandContext ctx) {
        BackupInfo info = withBar(ctx, "backing up", backups::create);
        return "created " + info.name() + ": " + info.documents() + " documents in " + info.collections().size()
                + " collections, " + info.bytes() + " bytes";
    }

    @Command(name = "backup list", group = "Backup", description = "List the backups, newest first, and the last operation",
            help = "backup list")
    public String list() {
        String lines = backups.list().stream()
                .map(b -> b.name() + "  " + b.createdAt() + "  " + b.documents() + " documents  " + b.bytes() + " bytes")
                .collect(Collectors.joining("\n"));
        String last = backups.lastReport().map(r -> "\nlast operation " + r.at() + ": " + r.summary()).orElse("");
        return (lines.isEmpty() ? "no backups yet" : lines) + last;
    }

    @Command(name = "backup verify", group = "Backup", description = "Check a backup's files against their checksums",
            help = "backup verify backup-20261122-071500   (names: backup list)")
    public String verify(@Argument(index = 0, description = "backup name (see backup list)") String name,
                         CommandContext ctx) {
        List<String> problems = withBar(ctx, "verifying", bar -> backups.verify(name, bar));
        return problems.isEmpty() ? name + ": intact" : name + ": DAMAGED\n  " + String.join("\n  ", problems);
    }

    @Command(name = "backup restore", group = "Backup",
            description = "Restore a backup into an empty store (--force=true replaces a non-empty one); the state it "
                    + "replaces is backed up first, and named, so the restore can be undone",
            help = "backup restore backup-20261122-071500 --force=true")
    public String restore(@Argument(index = 0, description = "backup name (see backup list)") String name,
                          @Option(longName = "force", defaultValue = "false") boolean force, CommandContext ctx) {
        RestoreResult result = withBar(ctx, "restoring", bar -> backups.restore(name, force, bar));
        return "restored " + result.restored().name() + ": " + result.restored().documents() + " documents\n"
                + "the state before is in backup " + result.undoBackup() + " (undo: backup restore "
                + result.undoBackup() + " --force=true)";
    }

    private <T> T withBar(CommandContext ctx, String label, Function<ProgressBar, T> operation) {
        ProgressBar bar = ProgressBar.forCommand(ctx, terminal, label);
        try {
            return operation.apply(bar);
        } finally {
            bar.finish();
        }
    }
}

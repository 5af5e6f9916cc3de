package io.taskvault.backup.shell;

import java.util.List;
import java.util.stream.Collectors;

import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

import io.taskvault.backup.BackupInfo;
import io.taskvault.backup.Backups;

/** Shell commands {@code backup create|list|verify|restore}. */
@Component
public class BackupCommands {

    private final Backups backups;

    BackupCommands(Backups backups) {
        this.backups = backups;
    }

    @Command(name = "backup create", group = "Backup", description = "Write a consistent, compressed, checksummed snapshot")
    public String create() {
        BackupInfo info = backups.create();
        return "created " + info.name() + ": " + info.documents() + " documents in " + info.collections().size()
                + " collections, " + info.bytes() + " bytes";
    }

    @Command(name = "backup list", group = "Backup", description = "List the backups, newest first")
    public String list() {
        String lines = backups.list().stream()
                .map(b -> b.name() + "  " + b.createdAt() + "  " + b.documents() + " documents  " + b.bytes() + " bytes")
                .collect(Collectors.joining("\n"));
        return lines.isEmpty() ? "no backups yet" : lines;
    }

    @Command(name = "backup verify", group = "Backup", description = "Check a backup's files against their checksums")
    public String verify(@Argument(index = 0, description = "backup name (see backup list)") String name) {
        List<String> problems = backups.verify(name);
        return problems.isEmpty() ? name + ": intact" : name + ": DAMAGED\n  " + String.join("\n  ", problems);
    }

    @Command(name = "backup restore", group = "Backup",
            description = "Restore a backup into an empty store (--force=true replaces a non-empty one)")
    public String restore(@Argument(index = 0, description = "backup name (see backup list)") String name,
                          @Option(longName = "force", defaultValue = "false") boolean force) {
        BackupInfo info = backups.restore(name, force);
        return "restored " + info.name() + ": " + info.documents() + " documents";
    }
}

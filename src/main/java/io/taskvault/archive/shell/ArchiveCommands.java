package io.taskvault.archive.shell;

import java.util.stream.Collectors;

import org.jline.terminal.Terminal;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

import io.taskvault.archive.ArchivalJob;
import io.taskvault.archive.ArchivalJob.ArchivalStatus;
import io.taskvault.archive.ArchivalReport;
import io.taskvault.archive.Archive;
import io.taskvault.archive.ArchivedTask;
import io.taskvault.system.shell.ProgressBar;
import io.taskvault.task.Task;

/** Shell commands for the archive: {@code archive status|run|search|show|verify|restore}. */
@Component
public class ArchiveCommands {

    private final ArchivalJob job;
    private final Archive archive;
    private final ObjectProvider<Terminal> terminal;

    ArchiveCommands(ArchivalJob job, Archive archive, ObjectProvider<Terminal> terminal) {
        this.job = job;
        this.archive = archive;
        this.terminal = terminal;
    }

    @Command(name = "archive status", group = "Archive", description = "Next archival run, last report, archive size",
            help = "archive status")
    public String status() {
        ArchivalStatus status = job.status();
        ArchivalReport last = status.lastReport();
        return "next run: " + status.nextRun() + " (retention " + status.retention() + ")\nlast run: "
                + (last == null ? "never" : last.startedAt() + " " + last.summary())
                + "\narchived: " + status.archived().total() + " " + status.archived().byState();
    }

    @Command(name = "archive run", group = "Archive", description = "Archive finished tasks older than the retention now",
            help = "archive run --dry-run=true")
    public String run(@Option(longName = "dry-run", defaultValue = "false", description = "only report") boolean dryRun,
                      CommandContext ctx) {
        ProgressBar bar = ProgressBar.forCommand(ctx, terminal, dryRun ? "checking" : "archiving");
        try {
            return job.run(dryRun, bar).summary();
        } finally {
            bar.finish();
        }
    }

    @Command(name = "archive search", group = "Archive", description = "Find archived tasks by key, title, role, provider or tag",
            help = "archive search login")
    public String search(@Argument(index = 0, defaultValue = "", description = "text") String text) {
        String lines = archive.search(text, 50).stream()
                .map(t -> t.key() + "  " + t.stateBefore() + "  archived on " + t.archivedAt() + "  " + t.title())
                .collect(Collectors.joining("\n"));
        return lines.isEmpty() ? "no archived task matches" : lines;
    }

    @Command(name = "archive show", group = "Archive", description = "One archived task: when it was archived, its size",
            help = "archive show TV-42")
    public String show(@Argument(index = 0, description = "task key or id") String task) {
        ArchivedTask t = archive.find(task);
        return t.key() + "  " + t.title() + "\n  state before archival: " + t.stateBefore() + "\n  archived on: "
                + t.archivedAt() + "\n  completed: " + t.completedAt() + "\n  events: " + t.events() + "\n  bundle: "
                + t.bundleBytes() + " bytes (was " + t.rawBytes() + ")";
    }

    @Command(name = "archive verify", group = "Archive", description = "Verify an archived task's hash chain from its bundle",
            help = "archive verify TV-42")
    public String verify(@Argument(index = 0, description = "task key or id") String task) {
        return task + ": " + archive.verify(task).summary();
    }

    @Command(name = "archive restore", group = "Archive", description = "Bring an archived task back whole",
            help = "archive restore TV-42")
    public String restore(@Argument(index = 0, description = "task key or id") String task) {
        Task restored = archive.restore(task, "shell");
        return restored.getKey() + " restored as " + restored.getState();
    }
}

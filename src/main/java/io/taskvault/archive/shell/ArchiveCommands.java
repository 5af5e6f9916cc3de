package io.taskvault.archive.shell;

import java.util.stream.Collectors;

import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

import io.taskvault.archive.ArchivalJob;
import io.taskvault.archive.ArchivalJob.ArchivalStatus;
import io.taskvault.archive.Archive;
import io.taskvault.task.Task;

/** Shell commands for the archive: {@code archive status|run|search|verify|restore}. */
@Component
public class ArchiveCommands {

    private final ArchivalJob job;
    private final Archive archive;

    ArchiveCommands(ArchivalJob job, Archive archive) {
        this.job = job;
        this.archive = archive;
    }

    @Command(name = "archive status", group = "Archive", description = "Next archival run, last report, archive size")
    public String status() {
        ArchivalStatus status = job.status();
        return "next run: " + status.nextRun() + " (retention " + status.retention() + ")\nlast run: "
                + (status.lastReport() == null ? "none since start-up" : status.lastReport().summary())
                + "\narchived: " + status.archived().total() + " " + status.archived().byState();
    }

    @Command(name = "archive run", group = "Archive", description = "Archive finished tasks older than the retention now")
    public String run(@Option(longName = "dry-run", defaultValue = "false", description = "only report") boolean dryRun) {
        return job.run(dryRun).summary();
    }

    @Command(name = "archive search", group = "Archive", description = "Find archived tasks by key, title, role, provider or tag")
    public String search(@Argument(index = 0, defaultValue = "", description = "text") String text) {
        String lines = archive.search(text, 50).stream()
                .map(t -> t.key() + "  " + t.stateBefore() + "  archived on " + t.archivedAt() + "  " + t.title())
                .collect(Collectors.joining("\n"));
        return lines.isEmpty() ? "no archived task matches" : lines;
    }

    @Command(name = "archive verify", group = "Archive", description = "Verify an archived task's hash chain from its bundle")
    public String verify(@Argument(index = 0, description = "task key or id") String task) {
        return task + ": " + archive.verify(task).summary();
    }

    @Command(name = "archive restore", group = "Archive", description = "Bring an archived task back whole")
    public String restore(@Argument(index = 0, description = "task key or id") String task) {
        Task restored = archive.restore(task, "shell");
        return restored.getKey() + " restored as " + restored.getState();
    }
}

package io.taskvault.exchange.shell;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.jline.terminal.Terminal;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

import io.taskvault.exchange.ExportFormat;
import io.taskvault.exchange.TaskListExport;
import io.taskvault.system.shell.ProgressBar;
import io.taskvault.system.ProgressListener;
import io.taskvault.task.TaskQuery;
import io.taskvault.task.shell.TaskListOptions;
import io.taskvault.system.InvalidInputException;

/** Shell: {@code export tasks}, the tasks {@code list}'s filters select, as CSV or JSON lines. */
@Component
public class TaskExportCommands {

    private final TaskListExport export;
    private final ObjectProvider<Terminal> terminal;

    TaskExportCommands(TaskListExport export, ObjectProvider<Terminal> terminal) {
        this.export = export;
        this.terminal = terminal;
    }

    @Command(name = "export tasks", group = "Exchange",
            description = "Export the tasks list's filters select (every match) as CSV or JSON lines, to a file or the screen",
            help = "export tasks --format csv --state FAILED --role backend --output failed.csv")
    public void exportTasks(@Option(longName = "format", defaultValue = "csv", description = "csv or jsonl") String format,
                            @Option(longName = "output", shortName = 'o', description = "file to write (else the screen)") String output,
                            @Option(longName = "state", shortName = 's', description = "states, comma-separated or repeated") String state,
                            @Option(longName = "role", description = "roles") String role,
                            @Option(longName = "provider", description = "providers") String provider,
                            @Option(longName = "priority", description = "priorities") String priority,
                            @Option(longName = "tag", description = "tags (a task needs all of them)") String tag,
                            @Option(longName = "story", description = "story ids (storyId)") String story,
                            @Option(longName = "epic", description = "epic ids (epicId)") String epic,
                            @Option(longName = "persona", description = "personas") String persona,
                            @Option(longName = "text", shortName = 't', description = "words in the title or description") String text,
                            @Option(longName = "search", description = "the same as --text") String search,
                            @Option(longName = "from", description = "created on or after (2026-11-01)") String from,
                            @Option(longName = "to", description = "created on or before (2026-11-30)") String to,
                            @Option(longName = "sort", description = "as list's --sort") String sort,
                            CommandContext ctx) {
        ExportFormat as = ExportFormat.parse(format);
        TaskQuery query = TaskListOptions.query(ctx, TaskListOptions.words(text, search), from, to, sort, null);
        if (output == null || output.isBlank()) {
            export.write(query, as, ctx.outputWriter(), ProgressListener.NONE);
            ctx.outputWriter().flush();
            return;
        }
        Path path = Path.of(output.trim());
        Path parent = path.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new InvalidInputException("--output: " + parent + " is not a directory; cannot write "
                    + path.getFileName() + " there");
        }
        ProgressBar bar = ProgressBar.forCommand(ctx, terminal, "exporting");
        long count;
        try (OutputStream out = Files.newOutputStream(path)) {
            count = export.write(query, as, out, bar);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + path + ": " + e.getMessage(), e);
        } finally {
            bar.finish();
        }
        ctx.outputWriter().println("exported " + count + " tasks as " + as.extension() + " to " + path.toAbsolutePath());
        ctx.outputWriter().flush();
    }
}

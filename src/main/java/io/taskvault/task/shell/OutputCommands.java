package io.taskvault.task.shell;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

import io.taskvault.system.shell.ShellActor;
import io.taskvault.system.shell.ShellJson;
import io.taskvault.system.shell.ShellStyle;
import io.taskvault.system.shell.ShellUsageException;
import io.taskvault.system.shell.Table;
import io.taskvault.task.TaskService;
import io.taskvault.task.output.OutputDraft;
import io.taskvault.task.output.OutputType;
import io.taskvault.task.output.TaskOutput;

/** What tasks produced: stdout and stderr shown as text, artifacts saved to files. */
@Component
class OutputCommands {

    static final String GROUP = "Outputs";
    private final TaskService tasks;
    private final ShellJson json;
    private final ShellStyle style;

    OutputCommands(TaskService tasks, ShellJson json, ShellStyle style) {
        this.tasks = tasks;
        this.json = json;
        this.style = style;
    }

    @Command(name = "output add", group = GROUP, description = "Attach an output to a task, from --text or --file",
            help = "output add TV-1 --type STDOUT --text \"BUILD SUCCESS\"   (or: --type ARTIFACT --file target/app.jar)",
            completionProvider = "taskCompletion")
    public void add(@Argument(index = 0, description = "the task") String ref,
                    @Option(longName = "type", description = "STDOUT, STDERR, LOG, ARTIFACT, COMMIT, TEST_REPORT, DIFF, OTHER",
                            defaultValue = "STDOUT") String type,
                    @Option(longName = "text", description = "the content") String text,
                    @Option(longName = "file", description = "read the content from this file") String file,
                    @Option(longName = "json", description = "print JSON for scripts") boolean asJson, CommandContext ctx) {
        OutputType outputType = ShellOptions.oneOf(OutputType.class, "type", type);
        if ((text == null) == (file == null)) {
            throw new ShellUsageException("output add: give exactly one of --text or --file");
        }
        OutputDraft draft;
        if (file != null) {
            Path path = Path.of(file);
            if (!Files.isRegularFile(path)) {
                throw new ShellUsageException("--file: " + path.toAbsolutePath() + " is not a readable file");
            }
            draft = new OutputDraft(outputType, () -> open(path), path.getFileName().toString(), mime(path), null, null);
        } else {
            draft = OutputDraft.text(outputType, text);
        }
        TaskOutput output = tasks.appendOutput(TaskCommands.single(ref == null || ref.isEmpty() ? List.of() : List.of(ref),
                "output add"), draft, ShellActor.name());
        TaskCommands.print(ctx, asJson ? json.write(output.summary())
                : "Added output #" + output.seq() + " (" + output.type() + ", " + TaskScreen.bytes(output.size()) + ")");
    }

    @Command(name = "output list", group = GROUP, description = "A task's outputs", help = "output list TV-1",
            completionProvider = "taskCompletion")
    public void list(@Argument(index = 0, description = "the task") String ref,
                     @Option(longName = "json", description = "print JSON for scripts") boolean asJson, CommandContext ctx) {
        List<TaskOutput> outputs = tasks.outputs(TaskCommands.single(ref.isEmpty() ? List.of() : List.of(ref), "output list"));
        if (asJson) {
            TaskCommands.print(ctx, json.write(outputs.stream().map(TaskOutput::summary).toList()));
            return;
        }
        if (outputs.isEmpty()) {
            TaskCommands.print(ctx, "No outputs yet.");
            return;
        }
        Table table = new Table("SEQ", "TYPE", "SIZE", "AT", "FILE", "SHA256").flex(4);
        outputs.forEach(o -> table.row(o.seq(), o.type(), TaskScreen.bytes(o.size()), o.timestamp(), o.filePath(),
                o.sha256() == null ? "" : o.sha256().substring(0, 12)));
        TaskCommands.print(ctx, table.render(style.width()));
    }

    @Command(name = "output show", group = GROUP, description = "Print a text output, or save any output with --to",
            help = "output show TV-1 2   (or: output show TV-1 3 --to ./app.jar)", completionProvider = "taskCompletion")
    public void show(@Argument(index = 0, description = "the task") String ref,
                     @Argument(index = 1, description = "the output's number (see output list)") String seq,
                     @Option(longName = "to", description = "save the content to this file") String to,
                     CommandContext ctx) {
        if (ref.isEmpty() || seq.isEmpty()) {
            throw new ShellUsageException("output show: give the task and the output number, e.g. output show TV-1 2");
        }
        long number;
        try {
            number = Long.parseLong(seq);
        } catch (NumberFormatException e) {
            throw new ShellUsageException("output show: '" + seq + "' is not an output number; see output list " + ref);
        }
        TaskOutput output = tasks.output(ref, number);
        if (to != null) {
            Path target = Path.of(to);
            try (InputStream in = tasks.openOutput(output); OutputStream out = Files.newOutputStream(target)) {
                long copied = in.transferTo(out);
                TaskCommands.print(ctx, "Saved output #" + number + " to " + target.toAbsolutePath() + " ("
                        + TaskScreen.bytes(copied) + ")");
            } catch (IOException e) {
                throw new UncheckedIOException("could not write " + target.toAbsolutePath() + ": " + e.getMessage(), e);
            }
            return;
        }
        if (!output.type().isText()) {
            throw new ShellUsageException("output #" + number + " is an " + output.type()
                    + "; save it with: output show " + ref + " " + number + " --to <file>");
        }
        try (InputStream in = tasks.openOutput(output)) {
            TaskCommands.print(ctx, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream open(Path path) {
        try {
            return Files.newInputStream(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String mime(Path path) {
        try {
            String type = Files.probeContentType(path);
            return type == null ? "application/octet-stream" : type;
        } catch (IOException e) {
            return "application/octet-stream";
        }
    }
}

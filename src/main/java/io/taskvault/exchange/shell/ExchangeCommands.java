package io.taskvault.exchange.shell;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

import org.jline.terminal.Terminal;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

import io.taskvault.exchange.ApStateImport;
import io.taskvault.exchange.ImportSummary;
import io.taskvault.exchange.StateDirectoryImport;
import io.taskvault.exchange.TaskvaultExport;
import io.taskvault.exchange.TaskvaultImport;
import io.taskvault.system.InvalidInputException;
import io.taskvault.system.shell.ProgressBar;

/** Shell: imports from the systems taskvault replaces, and taskvault's own export and import. */
@Component
public class ExchangeCommands {

    private final ApStateImport apState;
    private final StateDirectoryImport stateDirectory;
    private final TaskvaultImport taskvault;
    private final TaskvaultExport export;
    private final ObjectProvider<Terminal> terminal;

    ExchangeCommands(ApStateImport apState, StateDirectoryImport stateDirectory, TaskvaultImport taskvault,
                     TaskvaultExport export, ObjectProvider<Terminal> terminal) {
        this.apState = apState;
        this.stateDirectory = stateDirectory;
        this.taskvault = taskvault;
        this.export = export;
        this.terminal = terminal;
    }

    @Command(name = "import ap-state", group = "Exchange", description = "Import an .ap-state/ directory (use --dry-run=true to preview)",
            help = "import ap-state --path ./.ap-state --dry-run=true")
    public String importApState(@Option(longName = "path", required = true, description = ".ap-state directory") String path,
                                @Option(longName = "dry-run", defaultValue = "false") boolean dryRun, CommandContext ctx) {
        return render(withBar(ctx, "importing", bar -> apState.run(path, dryRun, bar)));
    }

    @Command(name = "import state-dir", group = "Exchange", description = "Import a directory of PENDING/IN_PROGRESS/SECURED/FAILED/ARCHIVED task files",
            help = "import state-dir --path ./tasks --dry-run=true")
    public String importStateDirectory(@Option(longName = "path", required = true, description = "directory of task files") String path,
                                       @Option(longName = "dry-run", defaultValue = "false") boolean dryRun, CommandContext ctx) {
        return render(withBar(ctx, "importing", bar -> stateDirectory.run(path, dryRun, bar)));
    }

    @Command(name = "import taskvault", group = "Exchange", description = "Import a taskvault export file",
            help = "import taskvault --file taskvault-export.jsonl")
    public String importTaskvault(@Option(longName = "file", required = true, description = "export file (.jsonl)") String file,
                                  @Option(longName = "dry-run", defaultValue = "false") boolean dryRun, CommandContext ctx) {
        return render(withBar(ctx, "importing", bar -> taskvault.run(Path.of(file.trim()), dryRun, bar)));
    }

    @Command(name = "export", group = "Exchange", description = "Export every task, event, output and counter to a file",
            help = "export --file taskvault-export.jsonl")
    public String exportAll(@Option(longName = "file", required = true, description = "file to write (.jsonl)") String file,
                            CommandContext ctx) {
        Path path = Path.of(file.trim());
        if (path.toAbsolutePath().getParent() != null && !Files.isDirectory(path.toAbsolutePath().getParent())) {
            throw new InvalidInputException(path.toAbsolutePath().getParent() + " is not a directory; cannot write "
                    + path.getFileName() + " there");
        }
        try (OutputStream out = Files.newOutputStream(path)) {
            long count = withBar(ctx, "exporting", bar -> export.export(out, bar));
            return "exported " + count + " documents to " + path.toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + path, e);
        }
    }

    private <T> T withBar(CommandContext ctx, String label, Function<ProgressBar, T> work) {
        ProgressBar bar = ProgressBar.forCommand(ctx, terminal, label);
        try {
            return work.apply(bar);
        } finally {
            bar.finish();
        }
    }

    static String render(ImportSummary summary) {
        StringBuilder out = new StringBuilder(summary.source()).append(": ").append(summary.headline());
        section(out, "created", summary.created());
        section(out, "updated", summary.updated());
        section(out, "skipped", summary.skipped());
        section(out, "REJECTED", summary.rejected());
        section(out, "UNRESOLVED", summary.unresolved());
        section(out, "CHECKSUM", summary.checksumMismatches());
        return out.toString();
    }

    private static void section(StringBuilder out, String title, List<ImportSummary.Entry> entries) {
        for (ImportSummary.Entry e : entries) {
            out.append('\n').append("  ").append(title).append("  ").append(e.file())
                    .append(e.id() == null ? "" : " [" + e.id() + "]").append(": ").append(e.reason());
        }
    }
}

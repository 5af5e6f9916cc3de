package io.taskvault.exchange.shell;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

import io.taskvault.exchange.ApStateImport;
import io.taskvault.exchange.ImportSummary;
import io.taskvault.exchange.StateDirectoryImport;
import io.taskvault.exchange.TaskvaultExport;
import io.taskvault.exchange.TaskvaultImport;

/** Shell: imports from the systems taskvault replaces, and taskvault's own export and import. */
@Component
public class ExchangeCommands {

    private final ApStateImport apState;
    private final StateDirectoryImport stateDirectory;
    private final TaskvaultImport taskvault;
    private final TaskvaultExport export;

    ExchangeCommands(ApStateImport apState, StateDirectoryImport stateDirectory, TaskvaultImport taskvault,
                     TaskvaultExport export) {
        this.apState = apState;
        this.stateDirectory = stateDirectory;
        this.taskvault = taskvault;
        this.export = export;
    }

    @Command(name = "import ap-state", group = "Exchange", description = "Import an .ap-state/ directory (use --dry-run=true to preview)")
    public String importApState(@Option(longName = "path", required = true, description = ".ap-state directory") String path,
                                @Option(longName = "dry-run", defaultValue = "false") boolean dryRun) {
        return render(apState.run(path, dryRun));
    }

    @Command(name = "import state-dir", group = "Exchange", description = "Import a directory of PENDING/IN_PROGRESS/SECURED/FAILED/ARCHIVED task files")
    public String importStateDirectory(@Option(longName = "path", required = true, description = "directory of task files") String path,
                                       @Option(longName = "dry-run", defaultValue = "false") boolean dryRun) {
        return render(stateDirectory.run(path, dryRun));
    }

    @Command(name = "import taskvault", group = "Exchange", description = "Import a taskvault export file")
    public String importTaskvault(@Option(longName = "file", required = true, description = "export file (.jsonl)") String file,
                                  @Option(longName = "dry-run", defaultValue = "false") boolean dryRun) {
        Path path = Path.of(file);
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException(path.toAbsolutePath() + " is not a file; expected a taskvault export");
        }
        try (InputStream in = Files.newInputStream(path)) {
            return render(taskvault.run(path.toString(), in, dryRun));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + path, e);
        }
    }

    @Command(name = "export", group = "Exchange", description = "Export every task, event, output and counter to a file")
    public String exportAll(@Option(longName = "file", required = true, description = "file to write (.jsonl)") String file) {
        Path path = Path.of(file);
        try (OutputStream out = Files.newOutputStream(path)) {
            return "exported " + export.export(out) + " documents to " + path.toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + path, e);
        }
    }

    static String render(ImportSummary summary) {
        StringBuilder out = new StringBuilder(summary.source()).append(": ").append(summary.headline());
        section(out, "created", summary.created());
        section(out, "updated", summary.updated());
        section(out, "skipped", summary.skipped());
        section(out, "REJECTED", summary.rejected());
        return out.toString();
    }

    private static void section(StringBuilder out, String title, List<ImportSummary.Entry> entries) {
        for (ImportSummary.Entry e : entries) {
            out.append('\n').append("  ").append(title).append("  ").append(e.file())
                    .append(e.id() == null ? "" : " [" + e.id() + "]").append(": ").append(e.reason());
        }
    }
}

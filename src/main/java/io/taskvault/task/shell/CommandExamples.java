package io.taskvault.task.shell;

import java.util.Map;
import java.util.Optional;

import org.springframework.shell.core.command.Command;

/**
 * The example {@code help <command>} shows: the command's own {@code help} text, or for commands declared without one
 * (Spring Shell's built-ins and the operations, exchange and schema commands) an example kept here.
 */
final class CommandExamples {

    //why: those commands live in packages this shell does not own; their owners may move the text into @Command(help)
    private static final Map<String, String> FALLBACK = Map.ofEntries(
            Map.entry("clear", "clear"),
            Map.entry("quit", "quit   (or: exit, Ctrl-D; stops the dashboard too)"),
            Map.entry("version", "version"),
            Map.entry("script", "script --file /home/me/morning.tv   (one command per line)"),
            Map.entry("integrity verify", "integrity verify"),
            Map.entry("import ap-state", "import ap-state --path ./.ap-state --dry-run=true"),
            Map.entry("import state-dir", "import state-dir --path ./tasks --dry-run=true"),
            Map.entry("import taskvault", "import taskvault --file taskvault-export.jsonl"),
            Map.entry("export", "export --file taskvault-export.jsonl"),
            Map.entry("schema status", "schema status"),
            Map.entry("schema upgrade", "schema upgrade"),
            Map.entry("backup create", "backup create"),
            Map.entry("backup list", "backup list"),
            Map.entry("backup verify", "backup verify backup-20261122-071500   (names: backup list)"),
            Map.entry("backup restore", "backup restore backup-20261122-071500 --force=true"),
            Map.entry("archive status", "archive status"),
            Map.entry("archive run", "archive run --dry-run=true"),
            Map.entry("archive search", "archive search login"),
            Map.entry("archive verify", "archive verify TV-42"),
            Map.entry("archive restore", "archive restore TV-42"),
            Map.entry("recovery run", "recovery run"),
            Map.entry("recovery status", "recovery status"),
            Map.entry("recovery retry", "recovery retry TV-42   (or: recovery retry --all=true)"),
            Map.entry("heartbeat", "heartbeat TV-42"));

    private CommandExamples() {
    }

    /** The command's example, if it has one. */
    static Optional<String> of(Command command) {
        String own = command.getHelp();
        if (own != null && !own.isBlank()) {
            return Optional.of(own);
        }
        return Optional.ofNullable(FALLBACK.get(command.getName()));
    }
}

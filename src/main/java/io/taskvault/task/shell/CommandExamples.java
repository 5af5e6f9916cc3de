package io.taskvault.task.shell;

import java.util.Map;
import java.util.Optional;

import org.springframework.shell.core.command.Command;

/**
 * The example {@code help <command>} shows: the command's own {@code help} text, or for commands declared without one
 * (Spring Shell's built-ins) an example kept here.
 */
final class CommandExamples {

    //why: Spring Shell declares its built-in commands without an example
    private static final Map<String, String> FALLBACK = Map.ofEntries(
            Map.entry("clear", "clear"),
            Map.entry("quit", "quit   (or: exit, Ctrl-D; stops the dashboard too)"),
            Map.entry("version", "version"),
            Map.entry("script", "script --file /home/me/morning.tv   (one command per line)"));

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

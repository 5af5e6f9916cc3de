package io.taskvault.task.shell;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.CommandOption;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.core.command.annotation.Arguments;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.stereotype.Component;

import io.taskvault.system.shell.ShellStyle;
import io.taskvault.system.shell.ShellUsageException;

/** {@code help}: the commands by group, or one command's options and an example (replaces the built-in help). */
@Component
class HelpCommand {

    private static final List<String> GROUP_ORDER = List.of(TaskCommands.GROUP, LifecycleCommands.GROUP,
            HistoryCommands.GROUP, OutputCommands.GROUP, ReportCommands.GROUP);
    private static final String FOOTER = """
            Tasks are named by key (TV-42), number (42) or id prefix; Tab completes keys, options and states.
            Every command takes --no-color and --debug (stack traces); most take --json. Changes to more than one
            task, cancel, archive and delete ask first (--yes skips the question). 'help <command>' shows options and an example.
            Exit codes: 0 ok, 1 failed, 2 bad usage, 3 not found, 4 conflict, 5 not allowed. 'exit' or Ctrl-D leaves (and stops the server).""";

    private final ShellStyle style;

    HelpCommand(ShellStyle style) {
        this.style = style;
    }

    @Command(name = "help", group = "Built-In Commands", description = "List the commands, or explain one",
            help = "help list")
    public void help(@Arguments List<String> words, CommandContext ctx) {
        CommandRegistry registry = ctx.commandRegistry();
        if (words != null && !words.isEmpty()) {
            String name = String.join(" ", words);
            var command = registry.getCommandByName(name);
            if (command == null) {
                throw new ShellUsageException("help: no command '" + name + "'; type 'help' to see them all");
            }
            TaskCommands.print(ctx, describe(command));
            return;
        }
        Map<String, List<org.springframework.shell.core.command.Command>> groups = new TreeMap<>(
                Comparator.comparingInt((String g) -> GROUP_ORDER.contains(g) ? GROUP_ORDER.indexOf(g) : GROUP_ORDER.size())
                        .thenComparing(g -> g));
        registry.getCommands().stream().filter(c -> !c.isHidden())
                .forEach(c -> groups.computeIfAbsent(c.getGroup(), g -> new java.util.ArrayList<>()).add(c));
        int width = groups.values().stream().flatMap(List::stream).mapToInt(c -> c.getName().length()).max().orElse(0);
        StringBuilder out = new StringBuilder();
        groups.forEach((group, commands) -> {
            out.append(style.bold(group)).append('\n');
            commands.stream().sorted(Comparator.comparing(org.springframework.shell.core.command.Command::getName))
                    .forEach(c -> out.append(String.format("  %-" + width + "s  %s%n", c.getName(), c.getDescription())));
        });
        TaskCommands.print(ctx, out.append('\n').append(FOOTER).toString());
    }

    private String describe(org.springframework.shell.core.command.Command command) {
        StringBuilder out = new StringBuilder(style.bold(command.getName())).append(" - ").append(command.getDescription());
        if (!command.getAliases().isEmpty()) {
            out.append("  (also: ").append(String.join(", ", command.getAliases())).append(')');
        }
        out.append('\n');
        List<CommandOption> options = command.getOptions();
        if (!options.isEmpty()) {
            out.append("Options:\n");
            int width = options.stream().mapToInt(o -> names(o).length()).max().orElse(0);
            for (CommandOption o : options) {
                out.append(String.format("  %-" + width + "s  %s%s%n", names(o), o.description() == null ? "" : o.description(),
                        Boolean.TRUE.equals(o.required()) ? " (required)" : ""));
            }
        }
        CommandExamples.of(command).ifPresent(example -> out.append("Example:\n  ").append(example).append('\n'));
        return out.toString();
    }

    private static String names(CommandOption option) {
        return "--" + option.longName() + (option.shortName() != ' ' ? ", -" + option.shortName() : "");
    }
}

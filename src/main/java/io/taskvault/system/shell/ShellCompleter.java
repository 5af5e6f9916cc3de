package io.taskvault.system.shell;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jline.reader.Candidate;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;
import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandOption;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.core.command.completion.CompletionContext;
import org.springframework.shell.core.command.completion.CompletionProposal;
import org.springframework.shell.core.command.completion.CompletionProvider;
import org.springframework.shell.jline.CommandCompleter;

/**
 * Tab at the prompt: command names, sub-commands, option names, option values and task keys.
 * //why: Spring Shell 4.0.1's completer takes every word before the first option as the command's name (so
 * {@code show TV-<Tab>} finds no command), offers nothing for {@code --state=RU}, and asks a command's completion
 * provider even after a flag such as {@code --json}; this one finds the command by its longest leading words.
 */
public class ShellCompleter extends CommandCompleter {

    private final CommandRegistry registry;
    private final CompletionProvider values;

    public ShellCompleter(CommandRegistry registry, CompletionProvider values) {
        super(registry);
        this.registry = registry;
        this.values = values;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        List<String> words = line.words();
        int index = line.wordIndex();
        int named = 0;
        Command command = null;
        for (int n = Math.min(index, words.size()); n >= 1 && command == null; n--) {
            List<String> head = words.subList(0, n);
            if (head.stream().noneMatch(w -> w.startsWith("-"))) {
                command = registry.getCommandByName(String.join(" ", head));
                named = n;
            }
        }
        if (command == null) {
            super.complete(reader, line, candidates);
            return;
        }
        String current = index < words.size() ? words.get(index) : "";
        CommandOption option = optionUnderCursor(command, words, index, named);
        Map<String, Candidate> found = new LinkedHashMap<>();
        if (option == null && current.startsWith("-") && !current.contains("=")) {
            optionNames(command, words, index).forEach(c -> found.put(c.value(), c));
        } else {
            CompletionContext context = new CompletionContext(words, index, line.wordCursor(), command, option);
            propose(values.apply(context), found);
            if (command.getCompletionProvider() != values) {
                propose(command.getCompletionProvider().apply(context), found);
            }
            if (option == null) {
                if (command.getName().equals("help")) {
                    commandWords(words.subList(named, Math.min(index, words.size()))).forEach(c -> found.putIfAbsent(c.value(), c));
                }
                subCommands(command, current).forEach(c -> found.putIfAbsent(c.value(), c));
                optionNames(command, words, index).forEach(c -> found.putIfAbsent(c.value(), c));
            }
        }
        candidates.addAll(found.values());
    }

    /** The option whose value is being typed: {@code --state=RU}, or the word after {@code --state}. */
    private static CommandOption optionUnderCursor(Command command, List<String> words, int index, int named) {
        String current = index < words.size() ? words.get(index) : "";
        if (current.startsWith("-") && current.contains("=")) {
            return option(command, current.substring(0, current.indexOf('=')));
        }
        if (current.startsWith("-") || index - 1 < named) {
            return null;
        }
        CommandOption previous = option(command, words.get(index - 1));
        return previous == null || isFlag(previous) ? null : previous;
    }

    /** How many plain words (not options, not option values) come between the command's name and {@code index}. */
    public static int positionalIndex(List<String> words, int index, Command command) {
        int named = command.getName().split(" ").length;
        if (words.size() > 0 && command.getAliases().contains(words.get(0))) {
            named = 1;
        }
        int position = 0;
        for (int i = named; i < Math.min(index, words.size()); i++) {
            String word = words.get(i);
            if (word.startsWith("-")) {
                CommandOption option = word.contains("=") ? null : option(command, word);
                if (option != null && !isFlag(option) && i + 1 < index) {
                    i++;
                }
            } else {
                position++;
            }
        }
        return position;
    }

    private static CommandOption option(Command command, String word) {
        return command.getOptions().stream().filter(o -> o.isOptionEqual(word)).findFirst().orElse(null);
    }

    private static boolean isFlag(CommandOption option) {
        return option.type() == boolean.class || option.type() == Boolean.class;
    }

    private static List<Candidate> optionNames(Command command, List<String> words, int index) {
        List<String> others = new ArrayList<>(words);
        if (index < others.size()) {
            others.remove(index);
        }
        return command.getOptions().stream().filter(o -> o.longName() != null && !o.longName().isEmpty())
                .filter(o -> others.stream().noneMatch(w -> w.equals("--" + o.longName()) || w.startsWith("--" + o.longName() + "=")))
                .map(o -> new Candidate("--" + o.longName(), "--" + o.longName(), null, o.description(), null, null, true, 0))
                .toList();
    }

    /** {@code archive s<Tab>}: "archive" is a command, and so are "archive search" and "archive status". */
    private List<Candidate> subCommands(Command command, String current) {
        String prefix = command.getName() + " ";
        return registry.getCommands().stream().filter(c -> !c.isHidden() && c.getName().startsWith(prefix))
                .map(c -> c.getName().substring(prefix.length()).split(" ")[0]).filter(w -> w.startsWith(current))
                .distinct().map(w -> new Candidate(w, w, null, "sub-command", null, null, true, 0)).toList();
    }

    /** {@code help output <Tab>}: the next word of every command whose name starts with the words typed so far. */
    private List<Candidate> commandWords(List<String> typed) {
        return registry.getCommands().stream().filter(c -> !c.isHidden())
                .map(c -> List.of(c.getName().split(" ")))
                .filter(name -> name.size() > typed.size() && name.subList(0, typed.size()).equals(typed))
                .map(name -> name.get(typed.size())).distinct().sorted()
                .map(w -> new Candidate(w, w, null, null, null, null, true, 0)).toList();
    }

    private static void propose(List<CompletionProposal> proposals, Map<String, Candidate> found) {
        proposals.stream().filter(Objects::nonNull).forEach(p -> found.putIfAbsent(p.value(), new Candidate(p.value(),
                p.displayText() == null ? p.value() : p.displayText(), p.category(), p.description(), null, null,
                p.complete(), 0)));
    }
}

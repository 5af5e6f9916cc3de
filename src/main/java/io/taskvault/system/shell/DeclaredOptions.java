package io.taskvault.system.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandOption;
import org.springframework.shell.core.command.CommandRegistry;

import io.taskvault.system.Spelling;

/**
 * Holds a command line to the options its command declares with {@code @Option}: Spring Shell 4 binds the declared
 * ones and silently drops any other, so {@code list --stat RUNNING} would list every task.
 */
final class DeclaredOptions {

    private static final Pattern NEGATIVE = Pattern.compile("-\\d+(\\.\\d+)?");

    private DeclaredOptions() {
    }

    /**
     * The command the line names (its longest run of leading words that is a command or an alias; null if none),
     * after refusing the first option word that command does not declare, with the declared one closest to it.
     */
    static Command check(CommandRegistry registry, List<String> words, List<OptionHint> hints, DeclaredArguments arguments) {
        Command command = null;
        int nameWords = 0;
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < words.size() && !words.get(i).startsWith("-"); i++) {
            name.append(i == 0 ? "" : " ").append(words.get(i));
            Command found = registry.getCommandByName(name.toString());
            if (found != null) {
                command = found;
                nameWords = i + 1;
            }
        }
        if (command != null) {
            check(command, words.subList(nameWords, words.size()), hints);
            refuseExtraWords(command, words.subList(nameWords, words.size()), arguments);
        } else {
            refuseALikelyMisspelling(registry, words);
        }
        return command;
    }

    //why: Spring Shell's own refusal of an unknown command names no likely one; with none near, it still refuses
    private static void refuseALikelyMisspelling(CommandRegistry registry, List<String> words) {
        List<String> leading = words.stream().takeWhile(word -> !word.startsWith("-")).toList();
        for (int size = Math.min(3, leading.size()); size >= 1; size--) {
            String typed = String.join(" ", leading.subList(0, size));
            int wordsInName = size;
            List<String> names = registry.getCommands().stream().filter(command -> !command.isHidden())
                    .flatMap(command -> Stream.concat(Stream.of(command.getName()), command.getAliases().stream()))
                    .filter(name -> name.split(" ").length == wordsInName).toList();
            String suggestion = Spelling.suggestion(typed, names, "");
            if (!suggestion.isEmpty()) {
                throw new ShellUsageException("unknown command '" + typed + "'" + suggestion
                        + " Type 'help' to see the commands.");
            }
        }
    }

    private static void check(Command command, List<String> rest, List<OptionHint> hints) {
        for (String word : rest) {
            if (word.equals("--")) {
                return;
            }
            if (!isOptionWord(word)) {
                continue;
            }
            int eq = word.indexOf('=');
            String option = eq > 0 ? word.substring(0, eq) : word;
            if (option.equals("--help") || option.equals("-h")
                    || command.getOptions().stream().anyMatch(o -> o.isOptionEqual(option))) {
                continue;
            }
            String typed = option.replaceFirst("^-+", "");
            String suggestion = hints.stream().flatMap(hint -> hint.likelyMeant(command.getName(), typed).stream())
                    .findFirst().map(Spelling::didYouMean)
                    .orElseGet(() -> Spelling.suggestion(typed, names(command), "--"));
            throw new ShellUsageException("Unknown option '" + option + "' for '" + command.getName() + "'"
                    + (suggestion.isEmpty() ? "." : suggestion) + " See 'help " + command.getName() + "'.");
        }
    }

    /** Refuses a word without an option beyond those the command takes, naming the first such word. */
    private static void refuseExtraWords(Command command, List<String> rest, DeclaredArguments arguments) {
        OptionalInt taken = arguments.wordsTaken(command.getName());
        if (taken.isEmpty() || taken.getAsInt() == Integer.MAX_VALUE) {
            return;
        }
        int free = 0;
        for (int i = 0; i < rest.size(); i++) {
            String word = rest.get(i);
            if (word.equals("--")) {
                return;
            }
            if (isOptionWord(word)) {
                i += takesValue(word, rest, i) ? 1 : 0;
            } else if (++free > taken.getAsInt()) {
                throw new ShellUsageException("'" + command.getName() + "' does not take '" + word + "'"
                        + (taken.getAsInt() == 0 ? "; it takes options only" : "")
                        + ". See 'help " + command.getName() + "'.");
            }
        }
    }

    /** Whether the word after this option word is its value: as Spring Shell's parser reads it, any word but an option. */
    private static boolean takesValue(String word, List<String> rest, int at) {
        return word.indexOf('=') < 0 && at + 1 < rest.size() && !rest.get(at + 1).equals("--")
                && !isOptionWord(rest.get(at + 1));
    }

    //why: words with blanks or quotes reach Spring Shell's parser quoted, so it reads them as values, not options
    private static boolean isOptionWord(String word) {
        return word.startsWith("-") && word.length() > 1 && !NEGATIVE.matcher(word).matches()
                && word.chars().noneMatch(c -> Character.isWhitespace(c) || c == '"');
    }

    private static List<String> names(Command command) {
        List<String> names = new ArrayList<>();
        for (CommandOption option : command.getOptions()) {
            if (option.longName() != null && !option.longName().isEmpty()) {
                names.add(option.longName());
            }
        }
        return names;
    }
}

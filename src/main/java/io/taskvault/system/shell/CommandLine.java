package io.taskvault.system.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One command as typed or passed on the command line, split into words, with the shell-wide flags
 * ({@code --no-color}, {@code --debug}) taken out and bare boolean flags turned into {@code --flag=true}.
 */
public record CommandLine(List<String> words, boolean noColor, boolean debug) {

    //why: Spring Shell 4.0.1 only accepts bare boolean flags on one-word commands (spring-shell#1331)
    private static final Set<String> FLAGS = Set.of("--json", "--yes", "-y", "--desc", "--all");
    private static final Pattern NEGATIVE = Pattern.compile("-\\d+(\\.\\d+)?");
    private static final Set<String> LAUNCH_PREFIXES = Set.of("--spring.", "--server.", "--taskvault.", "--logging.",
            "--management.");

    /** The words given to {@code main}, without the Spring properties passed along with them. */
    static CommandLine ofArgs(String[] args) {
        List<String> words = new ArrayList<>();
        for (String arg : args) {
            if (LAUNCH_PREFIXES.stream().noneMatch(arg::startsWith)) {
                words.add(arg);
            }
        }
        return of(words);
    }

    /** A line typed at the prompt: words split on blanks, "double" and 'single' quotes keep blanks in a word. */
    public static CommandLine parse(String line) {
        return of(split(line));
    }

    private static CommandLine of(List<String> raw) {
        List<String> words = new ArrayList<>();
        boolean noColor = false;
        boolean debug = false;
        for (String word : raw) {
            if (word.equals("--no-color")) {
                noColor = true;
            } else if (word.equals("--debug")) {
                debug = true;
            } else if (FLAGS.contains(word)) {
                words.add((word.equals("-y") ? "--yes" : word) + "=true");
            } else if (NEGATIVE.matcher(word).matches() && !words.isEmpty() && isOptionName(words.get(words.size() - 1))) {
                //why: Spring Shell reads "--limit -1" as two options; joined, the command can say what is wrong with -1
                words.add(words.remove(words.size() - 1) + "=" + word);
            } else {
                words.add(word);
            }
        }
        return new CommandLine(List.copyOf(words), noColor, debug);
    }

    private static boolean isOptionName(String word) {
        return word.startsWith("-") && !word.contains("=") && !NEGATIVE.matcher(word).matches();
    }

    boolean isEmpty() {
        return words.isEmpty();
    }

    /** The line in the form Spring Shell's parser reads: words with blanks or quotes wrapped in double quotes. */
    String toShellSyntax() {
        return words.stream().map(CommandLine::quote).collect(Collectors.joining(" "));
    }

    private static String quote(String word) {
        if (!word.isEmpty() && word.chars().noneMatch(c -> Character.isWhitespace(c) || c == '"')) {
            return word;
        }
        int eq = word.startsWith("-") ? word.indexOf('=') : -1;
        String name = eq >= 0 ? word.substring(0, eq + 1) : "";
        String value = eq >= 0 ? word.substring(eq + 1) : word;
        return name + "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    static List<String> split(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == '\\' && quote == '"' && i + 1 < line.length()) {
                    word.append(line.charAt(++i));
                } else if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (quote != 0) {
            throw new ShellUsageException("unclosed " + quote + " quote in: " + line);
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }
}

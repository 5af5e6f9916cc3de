package io.taskvault.task.shell;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.CommandOption;

import io.taskvault.system.shell.ShellUsageException;
import io.taskvault.task.InvalidTaskException;
import io.taskvault.task.Vocabulary;

/** Turns option text into typed values, naming the option and the accepted values when the text is wrong. */
final class ShellOptions {

    private ShellOptions() {
    }

    /**
     * Every value given for an option, repeated ({@code --state A --state B}) or comma-separated
     * ({@code --state A,B}); Spring Shell's binding alone keeps only the first occurrence.
     */
    static List<String> all(CommandContext ctx, String longName) {
        char shortName = shortNameOf(ctx, longName);
        List<String> values = new ArrayList<>();
        for (CommandOption option : ctx.parsedInput().options()) {
            boolean named = longName.equals(option.longName())
                    || shortName != ' ' && option.shortName() == shortName && isEmpty(option.longName());
            if (named && option.value() != null) {
                values.add(option.value());
            }
        }
        return values;
    }

    //why: the parser records -s as a short name only; the command declares which long name it stands for
    private static char shortNameOf(CommandContext ctx, String longName) {
        String name = ctx.parsedInput().commandName();
        if (!ctx.parsedInput().subCommands().isEmpty()) {
            name += " " + String.join(" ", ctx.parsedInput().subCommands());
        }
        Command command = ctx.commandRegistry().getCommandByName(name);
        if (command == null) {
            return ' ';
        }
        return command.getOptions().stream().filter(o -> longName.equals(o.longName()))
                .map(CommandOption::shortName).findFirst().orElse(' ');
    }

    private static boolean isEmpty(String text) {
        return text == null || text.isEmpty();
    }

    static Set<String> csv(List<String> values) {
        return values.stream().flatMap(v -> Arrays.stream(v.split(",")))
                .map(String::trim).filter(v -> !v.isEmpty()).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    static <E extends Enum<E>> E oneOf(Class<E> type, String option, String value) {
        try {
            return Vocabulary.word(type, option, value);
        } catch (InvalidTaskException e) {
            throw new ShellUsageException("--" + option + ": " + Vocabulary.problem(type, value.trim()));
        }
    }

    static <E extends Enum<E>> Set<E> someOf(Class<E> type, String option, List<String> values) {
        Set<E> result = new LinkedHashSet<>();
        csv(values).forEach(v -> result.add(oneOf(type, option, v)));
        return result;
    }

    /** A day (2026-11-22, taken as UTC) or an instant (2026-11-22T10:15:00Z); {@code endOfDay} moves a day to its end. */
    static Instant instant(String option, String value, boolean endOfDay) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new ShellUsageException("--" + option + ": '" + value
                    + "' is not a date; use 2026-11-22 or 2026-11-22T10:15:00Z");
        }
    }

    static int positive(String option, Integer value, int fallback) {
        if (value == null) {
            return fallback;
        }
        if (value <= 0) {
            throw new ShellUsageException("--" + option + ": must be a positive number, not " + value);
        }
        return value;
    }

    /**
     * {@code field=value} pairs, from repeated options or a comma list ({@code title=x,priority=HIGH}); a comma
     * only separates pairs when a new {@code name=} follows, so {@code tags=a,b} stays one value. An empty value clears.
     */
    static Map<String, Object> assignments(String option, List<String> values) {
        Map<String, Object> patch = new LinkedHashMap<>();
        for (String value : values) {
            for (String pair : value.split(",(?=\\s*[A-Za-z][A-Za-z0-9]*=)")) {
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    throw new ShellUsageException("--" + option + ": '" + pair + "' is not field=value (e.g. --"
                            + option + " priority=HIGH)");
                }
                String text = unquote(pair.substring(eq + 1).trim());
                patch.put(pair.substring(0, eq).trim(), text.isEmpty() ? null : text);
            }
        }
        return patch;
    }

    //why: Spring Shell's parser only removes quotes around a whole word, not around the value in field="a b"
    private static String unquote(String text) {
        boolean quoted = text.length() >= 2 && (text.startsWith("\"") && text.endsWith("\"")
                || text.startsWith("'") && text.endsWith("'"));
        return quoted ? text.substring(1, text.length() - 1) : text;
    }
}

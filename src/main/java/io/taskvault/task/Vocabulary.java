package io.taskvault.task;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.taskvault.system.Spelling;

/**
 * The words every door takes for states, priorities, output types and sort keys: any case, {@code -} or blank for
 * {@code _} ({@code in-progress}, {@code Test Report}), and the spellings of the designs taskvault imports from
 * ({@code in_progress}, {@code secured}). A number is never a value: {@code 3} is not a priority.
 */
public final class Vocabulary {

    //why: the file-based and state-directory designs name RUNNING and COMPLETED differently (see exchange/)
    private static final Map<String, String> SYNONYMS = Map.of("IN_PROGRESS", "RUNNING", "INPROGRESS", "RUNNING",
            "SECURED", "COMPLETED", "CANCELED", "CANCELLED");
    private static final Pattern NUMBER = Pattern.compile("[-+]?\\d+(\\.\\d+)?");

    private Vocabulary() {
    }

    /** The constant {@code text} names, or an {@link InvalidTaskException} on {@code field} naming the accepted words. */
    public static <E extends Enum<E>> E word(Class<E> type, String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String wanted = text.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        if (type == TaskState.class) {
            wanted = SYNONYMS.getOrDefault(wanted, wanted);
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(wanted)) {
                return constant;
            }
        }
        throw new InvalidTaskException(field, problem(type, text));
    }

    /** "'x' is not one of A, B, C; did you mean 'B'?" for a word that names no constant. */
    public static String problem(Class<? extends Enum<?>> type, String text) {
        List<String> names = names(type);
        String problem = "'" + text + "' is not one of " + String.join(", ", names);
        if (NUMBER.matcher(text.strip()).matches()) {
            return problem + " (a name, not a number)";
        }
        return problem + Spelling.suggestion(text.strip().replace('-', '_').replace(' ', '_'), names, "");
    }

    public static List<String> names(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.toList());
    }

    public static TaskState state(String field, String text) {
        return word(TaskState.class, field, text);
    }

    public static Priority priority(String field, String text) {
        return word(Priority.class, field, text);
    }

    /** A sort key ({@code priority}, {@code created} …) with an optional {@code :asc} / {@code :desc}. */
    public static Sort sort(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String[] parts = text.strip().split(":", 2);
        TaskQuery.SortField key = word(TaskQuery.SortField.class, field, parts[0]);
        if (parts.length < 2) {
            return new Sort(key, null);
        }
        return switch (parts[1].strip().toLowerCase(Locale.ROOT)) {
            case "asc" -> new Sort(key, false);
            case "desc" -> new Sort(key, true);
            default -> throw new InvalidTaskException(field, "'" + parts[1] + "' is not asc or desc");
        };
    }

    /** A sort key and, when one was given, its direction (null: the key's natural direction). */
    public record Sort(TaskQuery.SortField key, Boolean descending) {

        /** Newest first for times and priority (highest first), A to Z for keys and titles. */
        public boolean descendingOr(Boolean fallback) {
            if (descending != null) {
                return descending;
            }
            if (fallback != null) {
                return fallback;
            }
            return key != TaskQuery.SortField.KEY && key != TaskQuery.SortField.TITLE;
        }
    }
}

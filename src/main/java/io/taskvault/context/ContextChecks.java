package io.taskvault.context;

import java.util.List;
import java.util.Map;

/** The shared limits of context records' fields. */
final class ContextChecks {

    static final int MAX_TEXT = 2_000;
    static final int MAX_LONG_TEXT = 100_000;
    static final int MAX_LIST = 1_000;
    static final int MAX_ENTRIES = 500;
    /** As deep as a task's free maps may nest, counting lists as a level too. */
    static final int MAX_DEPTH = 8;

    private ContextChecks() {
    }

    static void text(Map<String, String> problems, String field, String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                problems.put(field, "is required");
            }
        } else if (value.length() > MAX_TEXT) {
            problems.put(field, "is longer than " + MAX_TEXT + " characters");
        }
    }

    static void list(Map<String, String> problems, String field, List<String> values) {
        if (values == null) {
            return;
        }
        if (values.size() > MAX_LIST) {
            problems.put(field, "has more than " + MAX_LIST + " entries");
        } else if (values.stream().anyMatch(v -> v == null || v.isBlank() || v.length() > MAX_TEXT)) {
            problems.put(field, "holds an empty or over-long entry");
        }
    }

    /** Free maps may not smuggle MongoDB operators or paths: no key starting with '$' or holding '.'. */
    static void map(Map<String, String> problems, String field, Object value) {
        map(problems, field, value, 1);
    }

    private static void map(Map<String, String> problems, String field, Object value, int depth) {
        if ((value instanceof Map<?, ?> || value instanceof List<?>) && depth > MAX_DEPTH) {
            problems.put(field, "is nested deeper than " + MAX_DEPTH + " levels (objects and lists alike)");
            return;
        }
        if (value instanceof Map<?, ?> map) {
            if (map.size() > MAX_ENTRIES) {
                problems.put(field, "has more than " + MAX_ENTRIES + " entries");
                return;
            }
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                String key = String.valueOf(entry.getKey());
                if (key.isEmpty() || key.startsWith("$") || key.contains(".")) {
                    problems.put(field, "key '" + key + "' is not allowed: keys may not be empty, start with '$' or contain '.'");
                    return;
                }
                map(problems, field + "." + key, entry.getValue(), depth + 1);
            }
        } else if (value instanceof List<?> items) {
            if (items.size() > MAX_LIST) {
                problems.put(field, "has more than " + MAX_LIST + " entries");
                return;
            }
            for (Object item : items) {
                map(problems, field, item, depth + 1);
                if (problems.containsKey(field)) {
                    return;
                }
            }
        }
    }
}

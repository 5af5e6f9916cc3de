package io.taskvault.exchange;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The shapes the source designs give a task's dependencies in: {@code depends_on}, {@code dependencies},
 * {@code blocked_by} (this task waits for those) and {@code blocks} (those wait for this task), as lists of ids
 * or of objects with an {@code id} / {@code task_id}. Taken out of the fields they are found in, so none of them
 * ends up as free metadata.
 */
final class DependencyShapes {

    private static final List<String> WAITS_FOR = List.of("depends_on", "dependsOn", "dependencies", "blocked_by",
            "blockedBy");
    private static final List<String> WAITED_FOR_BY = List.of("blocks");

    private DependencyShapes() {
    }

    /**
     * @param dependsOn the source ids this task waits for
     * @param blocks    the source ids of the tasks that wait for this one ("A blocks B": B depends on A)
     * @param problems  values that name no task id, each with its field
     */
    record Found(List<String> dependsOn, List<String> blocks, List<String> problems) {

        Found and(Found other) {
            return new Found(union(dependsOn, other.dependsOn), union(blocks, other.blocks),
                    union(problems, other.problems));
        }

        private static List<String> union(List<String> a, List<String> b) {
            Set<String> all = new LinkedHashSet<>(a);
            all.addAll(b);
            return List.copyOf(all);
        }
    }

    static final Found NONE = new Found(List.of(), List.of(), List.of());

    /** Removes every dependency shape from {@code fields} and returns what they named. */
    static Found take(Map<String, Object> fields, String where) {
        List<String> dependsOn = new ArrayList<>();
        List<String> blocks = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        WAITS_FOR.forEach(field -> ids(fields.remove(field), where + field, dependsOn, problems));
        WAITED_FOR_BY.forEach(field -> ids(fields.remove(field), where + field, blocks, problems));
        return new Found(List.copyOf(new LinkedHashSet<>(dependsOn)), List.copyOf(new LinkedHashSet<>(blocks)),
                List.copyOf(problems));
    }

    private static void ids(Object value, String field, List<String> into, List<String> problems) {
        if (value == null) {
            return;
        }
        List<?> items = value instanceof List<?> list ? list : List.of(value);
        for (Object item : items) {
            Object id = item instanceof Map<?, ?> map ? (map.get("id") != null ? map.get("id") : map.get("task_id")) : item;
            if (id instanceof String || id instanceof Number) {
                String text = id.toString().strip();
                if (!text.isEmpty()) {
                    into.add(text);
                    continue;
                }
            }
            problems.add(field + " holds " + (item == null ? "null" : "'" + item + "'")
                    + ", not a task id nor an object with one; left out");
        }
    }
}

package io.taskvault.integrity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.bson.Document;

/** Replays a task's events' field changes and compares the result with the stored task, field by field. */
final class ProjectionCheck {

    /** Set on every write by the writer itself rather than carried in an event's changes. */
    private static final Set<String> BOOKKEEPING = Set.of("_id", "_class", "version", "historySeq", "historyHash",
            "updatedAt", "schemaVersion");

    private ProjectionCheck() {
    }

    static List<String> mismatches(Document task, List<Document> events) {
        Document projected = new Document();
        for (Document event : events) {
            Object changes = event.get("changes");
            if (changes instanceof Map<?, ?> map) {
                map.forEach((field, change) -> {
                    Object after = change instanceof Map<?, ?> c ? c.get("after") : null;
                    if (after == null) {
                        projected.remove((String) field);
                    } else {
                        projected.put((String) field, after);
                    }
                });
            }
        }
        List<String> problems = new ArrayList<>();
        Set<String> fields = new TreeSet<>(projected.keySet());
        fields.addAll(task.keySet());
        fields.removeAll(BOOKKEEPING);
        for (String field : fields) {
            Object expected = projected.get(field);
            Object found = task.get(field);
            if (!Objects.equals(expected, found)) {
                problems.add("field '" + field + "': its events say " + shorten(expected) + ", the task has "
                        + shorten(found));
            }
        }
        return problems;
    }

    private static String shorten(Object value) {
        String text = value == null ? "(absent)" : value instanceof String s ? "'" + s + "'" : String.valueOf(value);
        return text.length() > 80 ? text.substring(0, 77) + "…" : text;
    }
}

package io.taskvault.store.schema;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * Tasks v1 → v2: the file-based task ({@code id, content, status, priority, metadata.*, relationships.*}) becomes
 * today's task. Keys and history are not a document's business: the batch upgrader gives those to v1 tasks.
 */
@Component
public class TaskV1ToV2 implements UpgradeStep {

    /** File-based state → today's state name. */
    public static final Map<String, String> STATES = Map.of("pending", "PENDING", "in_progress", "RUNNING",
            "completed", "COMPLETED", "blocked", "BLOCKED");
    static final Map<String, String> PRIORITIES = Map.of("high", "HIGH", "medium", "MEDIUM", "low", "LOW");
    private static final Map<String, String> METADATA = Map.of("created_by", "createdBy", "story_id", "storyId",
            "epic_id", "epicId", "persona", "persona");
    private static final int MAX_TITLE = 300;
    /** The version a v1 task reads as until the batch upgrader gives it a key and a CREATED event. */
    public static final long NOT_ADOPTED = -1;

    @Override
    public String collection() {
        return "tasks";
    }

    @Override
    public int from() {
        return 1;
    }

    @Override
    public Document apply(Document raw) {
        Object id = raw.get("_id");
        Document task = new Document();
        task.put("_id", id instanceof org.bson.types.ObjectId oid ? oid.toHexString() : id);
        Object legacyId = raw.get("id");
        task.put("externalId", legacyId == null ? null : legacyId.toString());
        title(raw, task, id);
        task.put("state", mapped(STATES, raw.get("status"), "status", id, null));
        task.put("priority", mapped(PRIORITIES, raw.get("priority"), "priority", id, "MEDIUM"));
        Map<String, Object> metadata = new LinkedHashMap<>(map(raw.get("metadata")));
        task.put("createdAt", instant(metadata.remove("created_at"), "metadata.created_at", id));
        task.put("updatedAt", instant(metadata.remove("updated_at"), "metadata.updated_at", id));
        if (task.get("createdAt") == null) {
            task.put("createdAt", task.get("updatedAt"));
        }
        METADATA.forEach((from, to) -> task.put(to, text(metadata.remove(from))));
        rename(metadata, "file_path", "filePath");
        rename(metadata, "line_number", "lineNumber");
        Map<String, Object> relationships = map(raw.get("relationships"));
        task.put("dependsOn", list(relationships.get("depends_on")));
        task.put("relatedTo", list(relationships.get("related_to")));
        if (!list(relationships.get("blocks")).isEmpty()) {
            metadata.put("blocks", list(relationships.get("blocks")));
        }
        if ("COMPLETED".equals(task.get("state"))) {
            task.put("completedAt", task.get("updatedAt"));
        }
        task.put("tags", new ArrayList<>(list(raw.get("tags"))));
        task.put("targetDir", ".");
        //why: a v1 task has no history until the batch upgrader adopts it. Version -1 makes a write that comes
        // first take event seq 0, which no chain (1..n) includes and no roll-forward looks at; with version 0 its
        // unappliable seq-1 event would be rolled forward on every load, forever, and collide with the adoption's
        task.put("version", NOT_ADOPTED);
        task.put("metadata", new Document(metadata));
        raw.forEach((field, value) -> {
            if (!List.of("_id", "id", "content", "status", "priority", "metadata", "relationships", "tags",
                    UpgradeChain.VERSION_FIELD).contains(field)) {
                task.putIfAbsent(field, value);
            }
        });
        task.values().removeIf(java.util.Objects::isNull);
        return task;
    }

    private static void title(Document raw, Document task, Object id) {
        String content = raw.get("content") instanceof String s ? s.strip() : null;
        if (content == null || content.isEmpty()) {
            throw new UnreadableDocumentException("tasks", id, "content", "is missing; a v1 task needs it as its title");
        }
        int newline = content.indexOf('\n');
        String firstLine = (newline < 0 ? content : content.substring(0, newline)).strip();
        //why: v1 content has no length limit; the whole text survives as the description when it is cut
        if (newline >= 0 || firstLine.length() > MAX_TITLE) {
            task.put("title", firstLine.length() > MAX_TITLE ? firstLine.substring(0, MAX_TITLE - 1) + "…" : firstLine);
            task.put("description", content);
        } else {
            task.put("title", content);
        }
    }

    private static String mapped(Map<String, String> values, Object value, String field, Object id, String absent) {
        if (value == null && absent != null) {
            return absent;
        }
        String mapped = value == null ? null : values.get(value.toString().strip().toLowerCase(Locale.ROOT));
        if (mapped == null) {
            throw new UnreadableDocumentException("tasks", id, field, (value == null ? "is missing" : "'" + value
                    + "' is not known") + "; v1 allows " + values.keySet().stream().sorted().toList());
        }
        return mapped;
    }

    static Date instant(Object value, String field, Object id) {
        if (value == null || value instanceof Date) {
            return (Date) value;
        }
        try {
            return Date.from(Instant.parse(value.toString()));
        } catch (DateTimeParseException e) {
            try {
                return Date.from(OffsetDateTime.parse(value.toString()).toInstant());
            } catch (DateTimeParseException again) {
                throw new UnreadableDocumentException("tasks", id, field, "'" + value + "' is not an ISO-8601 date-time");
            }
        }
    }

    private static void rename(Map<String, Object> map, String from, String to) {
        if (map.containsKey(from)) {
            map.put(to, map.remove(from));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    private static List<String> list(Object value) {
        return value instanceof List<?> l ? l.stream().filter(java.util.Objects::nonNull).map(Object::toString).toList()
                : List.of();
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}

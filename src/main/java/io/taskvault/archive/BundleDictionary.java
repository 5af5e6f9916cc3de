package io.taskvault.archive;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.DocumentCodec;

/**
 * The preset deflate dictionary of archive bundles (schema 2): the BSON of a made-up bundle shaped like the ones
 * taskvault writes (field names, types and order of a task's events and outputs, enum values) with neutral
 * content, so even a small bundle compresses well. Never change it: bundles already written need these bytes.
 */
final class BundleDictionary {

    private static final String ID = "00000000-0000-0000-0000-000000000000";
    private static final Date AT = new Date(1_767_225_600_000L);

    private BundleDictionary() {
    }

    static byte[] bytes() {
        List<Document> history = new ArrayList<>();
        history.add(event(1, "CREATED", null, "PENDING", "created", new Document(), created()));
        history.add(event(2, "STATE_CHANGED", "PENDING", "QUEUED", "queued", new Document(), change("state", "PENDING", "QUEUED")));
        history.add(event(3, "STATE_CHANGED", "QUEUED", "RUNNING", "started", new Document(),
                change("state", "QUEUED", "RUNNING").append("startedAt", after(AT)).append("heartbeatAt", after(AT))));
        history.add(event(4, "HEARTBEAT", "RUNNING", "RUNNING", "heartbeat", new Document(), change("heartbeatAt", AT, AT)));
        history.add(event(5, "OUTPUT_ADDED", "RUNNING", "RUNNING", "output added", new Document("size", 0)
                .append("outputId", ID + ":1").append("sha256", "").append("storage", "inline").append("type", "STDOUT"),
                change("outputSeq", 0L, 1L)));
        history.add(event(6, "NOTE", "RUNNING", "RUNNING", "", new Document(), new Document()));
        history.add(event(7, "STATE_CHANGED", "RUNNING", "FAILED", "", new Document(), change("state", "RUNNING", "FAILED")
                .append("errorMessage", after("")).append("errorCount", new Document("before", 0).append("after", 1))));
        history.add(event(8, "STATE_CHANGED", "RUNNING", "COMPLETED", "done", new Document(),
                change("state", "RUNNING", "COMPLETED").append("completedAt", after(AT))));
        history.add(event(9, "ARCHIVED", "COMPLETED", "ARCHIVED", "archived: finished before ", new Document("retention", "PT2160H"),
                change("state", "COMPLETED", "ARCHIVED").append("previousState", after("COMPLETED")).append("archivedAt", after(AT))));
        Document output = new Document("_id", ID + ":1").append("taskId", ID).append("seq", 1L).append("type", "LOG")
                .append("content", "").append("timestamp", AT).append("size", 0L).append("mimeType", "text/plain; charset=utf-8")
                .append("sha256", "").append("eventId", ID + ":5").append("schemaVersion", 1);
        Document head = new Document("_id", ID).append("version", 9L).append("schemaVersion", 3).append("historySeq", 9L)
                .append("historyHash", true).append("updatedAt", AT);
        Document bundle = new Document("task", new Document("head", head)).append("history", history)
                .append("outputs", List.of(output)).append("files", List.of());
        ByteBuffer bson = new RawBsonDocument(bundle, new DocumentCodec()).getByteBuffer().asNIO();
        byte[] bytes = new byte[bson.remaining()];
        bson.get(bytes);
        return bytes;
    }

    private static Document event(long seq, String type, String from, String to, String reason, Document details,
                                  Document changes) {
        Document event = new Document("_id", ID + ":" + seq).append("taskId", ID).append("seq", seq).append("type", type);
        if (from != null) {
            event.append("fromState", from);
        }
        event.append("toState", to).append("at", AT).append("actor", "worker").append("provider", "").append("model", "")
                .append("reason", reason).append("details", details).append("changes", changes);
        if (seq > 1) {
            event.append("prevHash", true);
        }
        return event.append("schemaVersion", 1).append("hash", true);
    }

    private static Document change(String field, Object before, Object after) {
        return new Document(field, new Document("before", before).append("after", after));
    }

    private static Document after(Object value) {
        return new Document("after", value);
    }

    private static Document created() {
        Document changes = new Document();
        for (String field : List.of("key", "title", "description", "role", "priority", "state", "tags", "createdBy",
                "provider", "model", "repositoryUrl", "branch", "baseBranch", "targetDir", "fullAccess", "requirements",
                "acceptanceCriteria", "affectedFiles", "complexityScore", "storyId", "epicId", "persona", "dependsOn",
                "relatedTo", "errorCount", "attempt", "createdAt", "metadata", "outputSeq", "priorityRank", "keyNumber")) {
            changes.append(field, after(""));
        }
        changes.put("priority", after("MEDIUM"));
        changes.put("state", after("PENDING"));
        changes.put("tags", after(List.of()));
        changes.put("fullAccess", after(false));
        changes.put("requirements", after(new Document()));
        changes.put("errorCount", after(0));
        changes.put("attempt", after(0));
        changes.put("createdAt", after(AT));
        changes.put("outputSeq", after(0L));
        return changes;
    }
}

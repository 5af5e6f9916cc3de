package io.taskvault.task;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.bson.Document;
import org.springframework.data.mongodb.core.convert.MongoConverter;
import org.springframework.stereotype.Component;

import io.taskvault.store.SchemaUpgrader;
import io.taskvault.task.history.FieldChange;

/** Turns tasks into the documents MongoDB stores and back, and diffs two of them field by field. */
@Component
class TaskDocuments {

    /** Fields every event sets on the task; they are bookkeeping, not part of a change's diff. */
    static final Set<String> BOOKKEEPING = Set.of("_id", "version", "historySeq", "historyHash", "updatedAt",
            "schemaVersion");

    private final MongoConverter converter;
    private final SchemaUpgrader upgrader;

    TaskDocuments(MongoConverter converter, SchemaUpgrader upgrader) {
        this.converter = converter;
        this.upgrader = upgrader;
    }

    Document toDocument(Object value) {
        Document document = new Document();
        converter.write(value, document);
        return document;
    }

    Document upgrade(Document raw) {
        return upgrader.upgrade(Task.COLLECTION, raw);
    }

    Task toTask(Document document) {
        return converter.read(Task.class, upgrader.upgrade(Task.COLLECTION, document));
    }

    /** Every field whose stored value differs between the two tasks, with its stored before and after. */
    Map<String, FieldChange> diff(Task before, Task after) {
        Document a = before == null ? new Document() : toDocument(before);
        Document b = toDocument(after);
        Set<String> fields = new LinkedHashSet<>(a.keySet());
        fields.addAll(b.keySet());
        Map<String, FieldChange> changes = new LinkedHashMap<>();
        for (String field : fields) {
            if (!BOOKKEEPING.contains(field) && !Objects.equals(a.get(field), b.get(field))) {
                changes.put(field, new FieldChange(a.get(field), b.get(field)));
            }
        }
        return changes;
    }
}

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
import io.taskvault.task.history.EventType;
import io.taskvault.task.history.FieldChange;
import io.taskvault.task.history.HistoryEvent;

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

    /** The task a document of the current schema holds (one this class wrote). */
    Task read(Document current) {
        return converter.read(Task.class, current);
    }

    /**
     * An independent copy of the task, made through its stored form.
     * //why: a copy through the mapping cannot forget a field added later, as a hand-written one did
     */
    Task copy(Task task) {
        return read(toDocument(task));
    }

    /**
     * The CREATED event of a stored task, built from the task alone (actor = createdBy), so that a lost one can be
     * rebuilt exactly and a task adopted by the schema upgrade gets the one a creation would have written.
     */
    HistoryEvent createdEvent(Task task) {
        return createdEvent(task, toDocument(task));
    }

    /** The same, given the task's stored form (bookkeeping fields may differ: they are not part of the diff). */
    HistoryEvent createdEvent(Task task, Document stored) {
        return HistoryEvent.of(task.getId(), 1, EventType.CREATED).moved(null, task.getState()).at(task.getCreatedAt())
                .by(task.getCreatedBy()).ai(task.getProvider(), task.getModel()).reason("created")
                .changes(diff(new Document(), stored)).build();
    }

    /** Every field whose stored value differs between the two tasks, with its stored before and after. */
    Map<String, FieldChange> diff(Task before, Task after) {
        return diffSince(before == null ? new Document() : toDocument(before), after);
    }

    /** Every field whose stored value differs between a task's stored form before a change and the task after it. */
    Map<String, FieldChange> diffSince(Document a, Task after) {
        return diff(a, toDocument(after));
    }

    private static Map<String, FieldChange> diff(Document a, Document b) {
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

package io.taskvault.task;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;

import io.taskvault.store.IdPages;
import io.taskvault.task.history.FieldChange;
import io.taskvault.task.history.HistoryEvent;

/** The {@code tasks} collection: current projections, reached by exact keys wherever possible. */
@Component
class TaskStore {

    private final MongoTemplate mongo;
    private final TaskDocuments documents;

    TaskStore(MongoTemplate mongo, TaskDocuments documents) {
        this.mongo = mongo;
        this.documents = documents;
    }

    MongoCollection<Document> collection() {
        return mongo.getCollection(Task.COLLECTION);
    }

    Optional<Task> byId(String id) {
        Document document = collection().find(Filters.eq("_id", id)).first();
        return Optional.ofNullable(document).map(documents::toTask);
    }

    Optional<Task> byKey(String key) {
        Document document = collection().find(Filters.eq("key", key)).first();
        return Optional.ofNullable(document).map(documents::toTask);
    }

    Optional<Task> byExternalId(String externalId) {
        Document document = collection().find(Filters.eq("externalId", externalId)).first();
        return Optional.ofNullable(document).map(documents::toTask);
    }

    List<String> idsStartingWith(String prefix, int limit) {
        return mongo.find(Query.query(Criteria.where("_id").regex("^" + java.util.regex.Pattern.quote(prefix)))
                .limit(limit), Document.class, Task.COLLECTION).stream().map(d -> d.getString("_id")).toList();
    }

    Task toTask(Document document) {
        return documents.toTask(document);
    }

    void insert(Task task) {
        insert(documents.toDocument(task));
    }

    /** Inserts a task's stored form, as {@link TaskDocuments#toDocument} makes it. */
    void insert(Document task) {
        collection().insertOne(task);
    }

    /**
     * Applies an event's changes to the task it belongs to, if the task is still at the version before it. Returns
     * the task's counted facts as they were before (see {@link CountedFacts#projection()}), or empty when the task
     * was not at that version (already applied, or moved on).
     */
    Optional<Document> apply(HistoryEvent event) {
        Update update = new Update();
        for (Map.Entry<String, FieldChange> change : event.changes().entrySet()) {
            if (change.getValue().after() == null) {
                update.unset(change.getKey());
            } else {
                update.set(change.getKey(), change.getValue().after());
            }
        }
        update.set("version", event.seq()).set("historySeq", event.seq()).set("historyHash", event.hash())
                .set("updatedAt", event.at()).set("schemaVersion", Task.SCHEMA_VERSION);
        //why: the filter's keys equal the unique index (_id, version), so the embedded engine does not scan
        Query query = Query.query(Criteria.where("_id").is(event.taskId()).and("version").is(event.seq() - 1));
        query.fields().include(CountedFacts.FIELDS.toArray(String[]::new));
        //why: the document as it was, in the same write, so the statistics' counters move by exactly this change
        return Optional.ofNullable(mongo.findAndModify(query, update, FindAndModifyOptions.options().returnNew(false),
                Document.class, Task.COLLECTION));
    }

    long count(Query query) {
        return mongo.count(Query.of(query).limit(0).skip(0), Task.COLLECTION);
    }

    /** Tasks matching the query, each upgraded from its stored shape like every other read. */
    List<Task> find(Query query) {
        return stream(query).map(documents::toTask).toList();
    }

    Stream<Document> stream(Query query) {
        return mongo.stream(query, Document.class, Task.COLLECTION);
    }

    /**
     * Every task, with {@code fields} (and its {@code _id}), in {@code _id} order, read {@code pageSize} at a time
     * ({@link IdPages#forEachStringIdPage}; task ids are strings).
     * //why: the embedded engine holds a collection's lock while it collects a find's whole answer: one find over
     * //    1,000,000 tasks held it 23 s, and every read of the tasks meanwhile waited behind it
     */
    void forEachInIdOrder(Document fields, int pageSize, Consumer<Document> action) {
        IdPages.forEachStringIdPage(mongo.getCollection(Task.COLLECTION), fields, pageSize, page -> page.forEach(action));
    }
}

package io.taskvault.task;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.Codec;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.result.UpdateResult;

import io.taskvault.store.StoreInfo;
import io.taskvault.task.history.FieldChange;
import io.taskvault.task.history.HistoryEvent;

/** The {@code tasks} collection: current projections, reached by exact keys wherever possible. */
@Component
class TaskStore {

    private final MongoTemplate mongo;
    private final TaskDocuments documents;
    private final StoreInfo store;

    TaskStore(MongoTemplate mongo, TaskDocuments documents, StoreInfo store) {
        this.mongo = mongo;
        this.documents = documents;
        this.store = store;
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
        collection().insertOne(documents.toDocument(task));
    }

    /**
     * Applies an event's changes to the task it belongs to, if the task is still at the version before it.
     * Returns false when the task was not at that version (already applied, or moved on).
     */
    boolean apply(HistoryEvent event) {
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
        UpdateResult result = mongo.updateFirst(query, update, Task.COLLECTION);
        return result.getModifiedCount() == 1 || result.getMatchedCount() == 1;
    }

    long count(Query query) {
        return mongo.count(Query.of(query).limit(0).skip(0), Task.COLLECTION);
    }

    /** Tasks matching the query, each upgraded from its stored shape like every other read. */
    List<Task> find(Query query) {
        return stream(query).map(documents::toTask).toList();
    }

    /** The raw document brought to the newest shape (still a document, not yet a task). */
    Document upgraded(Document raw) {
        return documents.upgrade(raw);
    }

    /**
     * Every stored task document {@code wanted} accepts (asked of the stored fields before any decoding, so the rest
     * cost nothing more), read in this process from the embedded store's pages (see its forEachDocument).
     */
    void forEachStored(Predicate<Map<String, Object>> wanted, Consumer<Document> action) {
        Codec<Document> codec = mongo.getDb().getCodecRegistry().get(Document.class);
        store.embeddedServer().orElseThrow().forEachDocument(mongo.getDb().getName(), Task.COLLECTION, wanted,
                bson -> action.accept(new RawBsonDocument(bson).decode(codec)));
    }

    /** Whether a stored task may be in one of {@code states}: it says so, or its older shape may say it otherwise. */
    static boolean mayBeIn(Map<String, Object> stored, Set<String> states) {
        if (!(stored.get("schemaVersion") instanceof Number version) || version.intValue() != Task.SCHEMA_VERSION) {
            return true;
        }
        return stored.get("state") instanceof String state && states.contains(state);
    }

    Stream<Document> stream(Query query) {
        return mongo.stream(query, Document.class, Task.COLLECTION);
    }
}

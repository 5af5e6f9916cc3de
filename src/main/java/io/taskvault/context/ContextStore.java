package io.taskvault.context;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.LongStream;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;

import io.taskvault.store.SchemaUpgrader;
import io.taskvault.task.secrets.SecretRedactor;

/** Each context kind's collection, read only by exact keys; per task and kind a counter hands out the seq. */
@Component
class ContextStore {

    static final String SEQUENCES = "context_sequences";

    private final MongoTemplate mongo;
    private final SchemaUpgrader upgrader;

    ContextStore(MongoTemplate mongo, SchemaUpgrader upgrader) {
        this.mongo = mongo;
        this.upgrader = upgrader;
    }

    /** The next seq for the task's records of this kind, taken atomically. */
    long nextSeq(ContextKind kind, String taskId) {
        Document counter = mongo.getCollection(SEQUENCES).findOneAndUpdate(Filters.eq("_id", counterId(kind, taskId)),
                Updates.inc("seq", 1L), new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        return ((Number) counter.get("seq")).longValue();
    }

    /** The highest seq handed out (records may be missing below it only if a write was cut short). */
    long count(ContextKind kind, String taskId) {
        Document counter = mongo.getCollection(SEQUENCES).find(Filters.eq("_id", counterId(kind, taskId))).first();
        return counter == null ? 0 : ((Number) counter.get("seq")).longValue();
    }

    /**
     * The record with secrets redacted from every text, list and map in it (keys too), by way of its stored form, so
     * no field of any kind is missed.
     */
    @SuppressWarnings("unchecked")
    <T extends ContextRecord> T redacted(T record) {
        Document stored = new Document();
        mongo.getConverter().write(record, stored);
        SecretRedactor.Redacted.InMap redacted = SecretRedactor.redact(stored);
        //why: through extended JSON, so nested maps come back as documents and dates as dates
        Document clean = Document.parse(new Document(redacted.map()).toJson(
                org.bson.json.JsonWriterSettings.builder().outputMode(org.bson.json.JsonMode.EXTENDED).build()));
        return (T) mongo.getConverter().read(record.getClass(), clean);
    }

    void insert(ContextKind kind, ContextRecord record) {
        mongo.insert(record, kind.collection());
    }

    /** The newest {@code limit} records, newest first. */
    <T extends ContextRecord> List<T> newest(ContextKind kind, Class<T> type, String taskId, int limit) {
        long count = count(kind, taskId);
        List<String> ids = LongStream.iterate(count, seq -> seq >= Math.max(1, count - limit + 1), seq -> seq - 1)
                .mapToObj(seq -> ContextRecord.idOf(taskId, seq)).toList();
        List<T> found = new ArrayList<>();
        if (!ids.isEmpty()) {
            mongo.getCollection(kind.collection()).find(Filters.in("_id", ids)).forEach(d -> found.add(read(kind, type, d)));
        }
        found.sort(Comparator.comparingLong(ContextRecord::seq).reversed());
        return found;
    }

    <T extends ContextRecord> Optional<T> get(ContextKind kind, Class<T> type, String taskId, long seq) {
        Document raw = mongo.getCollection(kind.collection()).find(Filters.eq("_id", ContextRecord.idOf(taskId, seq))).first();
        return Optional.ofNullable(raw).map(d -> read(kind, type, d));
    }

    /**
     * Removes the task's records of this kind, handing the GridFS body ids they name to {@code bodies} first, then
     * their counter (last: it says which ids to remove, so a repeated call still finds what a cut-short one left).
     */
    void removeAll(ContextKind kind, String taskId, java.util.function.Consumer<String> bodies) {
        //why: by exact _id, as the rest of this store reads; one past the counter covers a write cut in two
        List<String> ids = LongStream.rangeClosed(1, count(kind, taskId) + 1)
                .mapToObj(seq -> ContextRecord.idOf(taskId, seq)).toList();
        var records = mongo.getCollection(kind.collection());
        if (kind == ContextKind.AI_INTERACTIONS) {
            records.find(Filters.in("_id", ids)).projection(new Document("requestBodyId", 1).append("responseBodyId", 1))
                    .forEach(d -> java.util.stream.Stream.of(d.getString("requestBodyId"), d.getString("responseBodyId"))
                            .filter(java.util.Objects::nonNull).forEach(bodies));
        }
        records.deleteMany(Filters.in("_id", ids));
        mongo.getCollection(SEQUENCES).deleteOne(Filters.eq("_id", counterId(kind, taskId)));
    }

    private <T extends ContextRecord> T read(ContextKind kind, Class<T> type, Document document) {
        return mongo.getConverter().read(type, upgrader.upgrade(kind.collection(), document));
    }

    private static String counterId(ContextKind kind, String taskId) {
        return kind.collection() + ":" + taskId;
    }
}

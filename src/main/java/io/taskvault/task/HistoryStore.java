package io.taskvault.task;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.LongStream;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.convert.MongoConverter;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;

import io.taskvault.store.SchemaUpgrader;
import io.taskvault.task.history.HashChain;
import io.taskvault.task.history.HistoryEvent;
import io.taskvault.task.history.WellFormedText;

/** The {@code task_history} collection: immutable, hash-chained events keyed {@code <taskId>:<seq>}. */
@Component
class HistoryStore {

    private static final int BATCH = 1_000;

    private final MongoTemplate mongo;
    private final MongoConverter converter;
    private final SchemaUpgrader upgrader;

    HistoryStore(MongoTemplate mongo, MongoConverter converter, SchemaUpgrader upgrader) {
        this.mongo = mongo;
        this.converter = converter;
        this.upgrader = upgrader;
    }

    MongoCollection<Document> collection() {
        return mongo.getCollection(HistoryEvent.COLLECTION);
    }

    /** The stored form of an event, its text well formed and hashed onto the chain; insert exactly this document. */
    Document seal(HistoryEvent unsealed) {
        Document written = new Document();
        converter.write(unsealed, written);
        //why: UTF-8 cannot store a lone surrogate; hashing the text as sent would break the chain once stored
        Document document = WellFormedText.of(written);
        document.remove(HashChain.HASH_FIELD);
        document.put(HashChain.HASH_FIELD, HashChain.hash(document, unsealed.prevHash()));
        return document;
    }

    HistoryEvent read(Document document) {
        //why: upgrade a copy; the raw stored form is what the hash chain covers
        return converter.read(HistoryEvent.class, upgrader.upgrade(HistoryEvent.COLLECTION, new Document(document)));
    }

    /** Inserts a sealed event; a duplicate key means another writer took this seq first. */
    void insert(Document sealed) {
        collection().insertOne(sealed);
    }

    /** Events {@code fromSeq..toSeq} of a task, raw and in order, read by exact keys. */
    List<Document> raw(String taskId, long fromSeq, long toSeq) {
        List<Document> events = new ArrayList<>();
        for (long start = Math.max(1, fromSeq); start <= toSeq; start += BATCH) {
            List<String> ids = LongStream.rangeClosed(start, Math.min(toSeq, start + BATCH - 1))
                    .mapToObj(seq -> HistoryEvent.idOf(taskId, seq)).toList();
            collection().find(Filters.in("_id", ids)).into(events);
        }
        events.sort(Comparator.comparingLong(d -> ((Number) d.get("seq")).longValue()));
        return events;
    }

    List<HistoryEvent> events(String taskId, long fromSeq, long toSeq) {
        return raw(taskId, fromSeq, toSeq).stream().map(this::read).toList();
    }

    /** Which of the given event ids exist, fetching only their ids. */
    List<String> existing(List<String> ids) {
        List<String> found = new ArrayList<>();
        collection().find(Filters.in("_id", ids)).projection(new Document("_id", 1))
                .forEach(d -> found.add(d.getString("_id")));
        return found;
    }
}

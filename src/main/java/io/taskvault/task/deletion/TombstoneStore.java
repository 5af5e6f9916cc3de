package io.taskvault.task.deletion;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;

/**
 * The {@code tombstones} collection: one document per deleted task, keyed by the task's id. No door removes one;
 * they are few (one per delete), so a lookup by key may read them all.
 */
@Component
public class TombstoneStore {

    private final MongoTemplate mongo;

    TombstoneStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    private MongoCollection<Document> tombstones() {
        return mongo.getCollection(Tombstone.COLLECTION);
    }

    /** Stores a DELETING tombstone; if the task has one already (a delete ran before), that one is kept and returned. */
    public Tombstone begin(Tombstone tombstone) {
        try {
            tombstones().insertOne(write(tombstone));
            return tombstone;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            return byId(tombstone.id()).orElseThrow(() -> e);
        }
    }

    /** Records the chain's end as it was when the task's document was removed. */
    public void head(String id, String hash, long events) {
        tombstones().updateOne(Filters.eq("_id", id), Updates.combine(Updates.set("headHash", hash),
                Updates.set("events", events)));
    }

    /** Marks the delete complete: no document of the task is left. */
    public Tombstone finish(String id, Instant at) {
        tombstones().updateOne(Filters.eq("_id", id), Updates.combine(
                Updates.set("state", Tombstone.State.DELETED.name()), Updates.set("finishedAt", Date.from(at))));
        return byId(id).orElseThrow();
    }

    /** The tombstone of the task with this id or key (TV-12, in any case). */
    public Optional<Tombstone> find(String reference) {
        if (reference == null || reference.isBlank()) {
            return Optional.empty();
        }
        String ref = reference.trim();
        return byId(ref).or(() -> first(Filters.eq("key", ref.toUpperCase(Locale.ROOT))));
    }

    public Optional<Tombstone> byId(String id) {
        return first(Filters.eq("_id", id));
    }

    /** The newest {@code limit} tombstones, newest first. */
    public List<Tombstone> newest(int limit) {
        List<Tombstone> found = new ArrayList<>();
        tombstones().find().sort(Sorts.descending("deletedAt")).limit(limit).forEach(d -> found.add(read(d)));
        return found;
    }

    /** Deletes a crash left half done. */
    public List<Tombstone> unfinished() {
        List<Tombstone> found = new ArrayList<>();
        tombstones().find(Filters.eq("state", Tombstone.State.DELETING.name())).forEach(d -> found.add(read(d)));
        return found;
    }

    /** Hands every deleted task's key to {@code key}. */
    public void forEachKey(Consumer<String> key) {
        tombstones().find().projection(new Document("key", 1)).forEach(d -> key.accept(d.getString("key")));
    }

    public long count() {
        return tombstones().countDocuments();
    }

    private Optional<Tombstone> first(Bson filter) {
        return Optional.ofNullable(tombstones().find(filter).first()).map(TombstoneStore::read);
    }

    private static Document write(Tombstone t) {
        return new Document("_id", t.id()).append("schemaVersion", t.schemaVersion()).append("key", t.key())
                .append("title", t.title()).append("deletedBy", t.deletedBy()).append("deletedAt", date(t.deletedAt()))
                .append("reason", t.reason()).append("headHash", t.headHash()).append("events", t.events())
                .append("archived", t.archived()).append("state", t.state().name())
                .append("finishedAt", date(t.finishedAt()));
    }

    private static Tombstone read(Document d) {
        return new Tombstone(d.getString("_id"), d.getString("key"), d.getString("title"), d.getString("deletedBy"),
                instant(d.getDate("deletedAt")), d.getString("reason"), d.getString("headHash"),
                d.get("events") instanceof Number n ? n.longValue() : 0, Boolean.TRUE.equals(d.getBoolean("archived")),
                Tombstone.State.valueOf(d.getString("state")), instant(d.getDate("finishedAt")),
                d.get("schemaVersion") instanceof Number v ? v.intValue() : Tombstone.SCHEMA_VERSION);
    }

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}

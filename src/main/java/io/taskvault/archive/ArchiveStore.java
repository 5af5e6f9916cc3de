package io.taskvault.archive;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;

import io.taskvault.task.TaskState;

/** The {@code task_archive} collection (one compressed bundle per task) and the archived-task counters. */
@Component
public class ArchiveStore {

    public static final String COLLECTION = "task_archive";
    static final String COUNTERS = "task_archive_counters";

    private final MongoTemplate mongo;

    ArchiveStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    private MongoCollection<Document> archive() {
        return mongo.getCollection(COLLECTION);
    }

    /** Stores (or replaces) a task's bundle; true when the task was not archived before. */
    public boolean save(ArchivedTask entry, byte[] bundle) {
        Document document = new Document("_id", entry.id()).append("schemaVersion", ArchiveBundle.SCHEMA_VERSION)
                .append("key", entry.key()).append("title", entry.title()).append("role", entry.role())
                .append("provider", entry.provider()).append("stateBefore", entry.stateBefore().name())
                .append("tags", entry.tags()).append("createdAt", date(entry.createdAt()))
                .append("completedAt", date(entry.completedAt())).append("archivedAt", date(entry.archivedAt()))
                .append("events", entry.events()).append("rawBytes", entry.rawBytes())
                .append("bundleBytes", (long) bundle.length).append("headHash", entry.headHash())
                .append("bundle", new Binary(bundle));
        return archive().replaceOne(Filters.eq("_id", entry.id()), document, new ReplaceOptions().upsert(true))
                .getUpsertedId() != null;
    }

    /** The archived task with this id or key. */
    @Cacheable(ArchivedTaskCache.NAME)
    public Optional<ArchivedTask> find(String reference) {
        //why: two exact lookups, each answered by an index; the embedded engine scans the whole archive for an $or
        return entryWhere(Filters.eq("_id", reference)).or(() -> entryWhere(Filters.eq("key", reference)));
    }

    private Optional<ArchivedTask> entryWhere(org.bson.conversions.Bson filter) {
        return Optional.ofNullable(archive().find(filter).projection(new Document("bundle", 0)).first())
                .map(ArchiveStore::entry);
    }

    public Optional<byte[]> bundle(String id) {
        Document found = archive().find(Filters.eq("_id", id)).first();
        return Optional.ofNullable(found).map(d -> d.get("bundle", Binary.class).getData());
    }

    /** Archived tasks whose key, title, role, provider or tag matches {@code text} (any when blank), newest first. */
    public List<ArchivedTask> search(String text, int limit) {
        var filter = text == null || text.isBlank() ? new Document() : Filters.or(
                Filters.regex("title", Pattern.compile(Pattern.quote(text.trim()), Pattern.CASE_INSENSITIVE)),
                Filters.eq("key", text.trim()), Filters.eq("role", text.trim()), Filters.eq("provider", text.trim()),
                Filters.eq("tags", text.trim()));
        List<ArchivedTask> found = new ArrayList<>();
        archive().find(filter).projection(new Document("bundle", 0)).sort(Sorts.descending("archivedAt")).limit(limit)
                .forEach(d -> found.add(entry(d)));
        return found;
    }

    public void markRestoring(String id) {
        archive().updateOne(Filters.eq("_id", id), Updates.set("restoring", true));
    }

    public boolean restoring(String id) {
        Document found = archive().find(Filters.eq("_id", id)).projection(new Document("restoring", 1)).first();
        return found != null && Boolean.TRUE.equals(found.getBoolean("restoring"));
    }

    /** Removes the task's bundle and answers with its entry; empty when there was none. */
    public Optional<ArchivedTask> remove(String id) {
        return Optional.ofNullable(archive().findOneAndDelete(Filters.eq("_id", id),
                new com.mongodb.client.model.FindOneAndDeleteOptions().projection(new Document("bundle", 0))))
                .map(ArchiveStore::entry);
    }

    /** Hands every archived task's key to {@code key}. */
    public void forEachKey(java.util.function.Consumer<String> key) {
        archive().find().projection(new Document("key", 1)).forEach(d -> key.accept(d.getString("key")));
    }

    public void delete(String id) {
        archive().deleteOne(Filters.eq("_id", id));
    }

    public long count() {
        //why: countDocuments is an aggregation, which the embedded engine answers by loading every bundle
        return archive().estimatedDocumentCount();
    }

    /** Moves the archived-task counters by {@code delta} for the task's state before archival and its role. */
    public void count(TaskState stateBefore, String role, int delta) {
        mongo.getCollection(COUNTERS).updateOne(Filters.eq("_id", "archived"),
                Updates.combine(Updates.inc("total", delta), Updates.inc("byState." + stateBefore.name(), delta),
                        Updates.inc("byRole." + (role == null || role.isBlank() ? "(none)" : role), delta)),
                new UpdateOptions().upsert(true));
    }

    /** How many tasks the archive holds, by their state before archival and by role. */
    public ArchiveCounters counters() {
        Document found = mongo.getCollection(COUNTERS).find(Filters.eq("_id", "archived")).first();
        if (found == null) {
            return new ArchiveCounters(0, Map.of(), Map.of());
        }
        return new ArchiveCounters(((Number) found.get("total")).longValue(), numbers(found.get("byState", Document.class)),
                numbers(found.get("byRole", Document.class)));
    }

    private static Map<String, Long> numbers(Document document) {
        Map<String, Long> result = new LinkedHashMap<>();
        if (document != null) {
            document.forEach((k, v) -> result.put(k, ((Number) v).longValue()));
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    private static ArchivedTask entry(Document d) {
        return ArchivedTask.builder().id(d.getString("_id")).key(d.getString("key")).title(d.getString("title"))
                .role(d.getString("role")).provider(d.getString("provider"))
                .stateBefore(TaskState.valueOf(d.getString("stateBefore"))).tags((List<String>) d.get("tags"))
                .createdAt(instant(d.getDate("createdAt"))).completedAt(instant(d.getDate("completedAt")))
                .archivedAt(instant(d.getDate("archivedAt"))).events(((Number) d.get("events")).longValue())
                .rawBytes(((Number) d.get("rawBytes")).longValue())
                .bundleBytes(((Number) d.get("bundleBytes")).longValue()).headHash(d.getString("headHash")).build();
    }

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}

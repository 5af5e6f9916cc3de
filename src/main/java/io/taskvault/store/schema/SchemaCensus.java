package io.taskvault.store.schema;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;

import io.taskvault.store.IdPages;
import io.taskvault.store.StoreInfo;

/** Counts the documents of each schema version per versioned collection; the counts of others are cached. */
@Component
public class SchemaCensus {

    public static final String HISTORY = "task_history";
    private static final long FRESH_NANOS = Duration.ofSeconds(30).toNanos();
    private static final long TALLY_FRESH_NANOS = Duration.ofSeconds(1).toNanos();

    private final MongoTemplate mongo;
    private final VersionedSchemaUpgrader upgrader;
    private final StoreInfo store;
    private volatile Cached cached;

    SchemaCensus(MongoTemplate mongo, VersionedSchemaUpgrader upgrader, StoreInfo store) {
        this.mongo = mongo;
        this.upgrader = upgrader;
        this.store = store;
    }

    /**
     * Fresh counts of one collection: from the embedded store's tally when this process runs it, otherwise one pass
     * over its schemaVersion field, a range of ids at a time.
     */
    public VersionCounts count(String collection) {
        Map<Integer, Long> versions = store.tallyOfSchemaVersions(mongo.getDb().getName(), collection)
                .<Map<Integer, Long>>map(TreeMap::new).orElseGet(() -> scan(collection));
        return new VersionCounts(collection, upgrader.newest(collection), versions, HISTORY.equals(collection));
    }

    /** Whether counting is a lookup (the embedded store's tally) rather than a pass over every document. */
    public boolean countsAreTallied() {
        return store.tallyOfSchemaVersions(mongo.getDb().getName(), "tasks").isPresent();
    }

    private Map<Integer, Long> scan(String collection) {
        Map<Integer, Long> versions = new TreeMap<>();
        MongoCollection<Document> documents = mongo.getCollection(collection);
        IdPages.forEach(documents, IdPages.DEFAULT_PARTITION_ABOVE, IdPages.DEFAULT_PAGE,
                new Document(UpgradeChain.VERSION_FIELD, 1),
                page -> page.forEach(d -> versions.merge(UpgradeChain.versionOf(d), 1L, Long::sum)));
        return versions;
    }

    public List<VersionCounts> countAll() {
        long start = System.nanoTime();
        List<VersionCounts> all = VersionedSchemaUpgrader.COLLECTIONS.stream().map(this::count).toList();
        long end = System.nanoTime();
        cached = new Cached(end, end - start, all);
        return all;
    }

    /**
     * Counts per version of the versioned collections other than tasks (which the task statistics count in their
     * own pass), at most a second old where the embedded store's tally answers; on MongoDB at most 30 seconds old,
     * or 20 times as old as the last count took: there it is a pass over every event (10 million at 1,000,000
     * tasks), which so never takes more than a twentieth of one core.
     */
    public Map<String, Map<Integer, Long>> othersThanTasks() {
        Cached current = cached;
        if (current == null || System.nanoTime() - current.at > freshFor(current)) {
            countAll();
            current = cached;
        }
        Map<String, Map<Integer, Long>> others = new LinkedHashMap<>();
        current.counts.stream().filter(c -> !c.collection().equals("tasks"))
                .forEach(c -> others.put(c.collection(), c.byVersion()));
        return others;
    }

    private long freshFor(Cached current) {
        return countsAreTallied() ? TALLY_FRESH_NANOS : Math.max(FRESH_NANOS, 20 * current.took);
    }

    void forget() {
        cached = null;
    }

    private record Cached(long at, long took, List<VersionCounts> counts) {
    }
}

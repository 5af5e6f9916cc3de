package io.taskvault.store.schema;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;

import io.taskvault.store.IdRanges;

/** Counts the documents of each schema version per versioned collection; the counts of others are cached. */
@Component
public class SchemaCensus {

    public static final String HISTORY = "task_history";
    private static final long FRESH_NANOS = Duration.ofSeconds(30).toNanos();

    private final MongoTemplate mongo;
    private final VersionedSchemaUpgrader upgrader;
    private volatile Cached cached;

    SchemaCensus(MongoTemplate mongo, VersionedSchemaUpgrader upgrader) {
        this.mongo = mongo;
        this.upgrader = upgrader;
    }

    /** Fresh counts of one collection (one pass over its schemaVersion field, a range of ids at a time). */
    public VersionCounts count(String collection) {
        Map<Integer, Long> versions = new TreeMap<>();
        MongoCollection<Document> documents = mongo.getCollection(collection);
        for (Bson part : IdRanges.of(documents, IdRanges.DEFAULT_PARTITION_ABOVE)) {
            documents.find(part).projection(new Document(UpgradeChain.VERSION_FIELD, 1))
                    .forEach(d -> versions.merge(UpgradeChain.versionOf(d), 1L, Long::sum));
        }
        return new VersionCounts(collection, upgrader.newest(collection), versions, HISTORY.equals(collection));
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
     * own pass), at most 30 seconds old, or 20 times as old as the last count took: a pass over the history reads
     * every event (10 million at 1,000,000 tasks, over a minute on the embedded engine), so it never takes more
     * than a twentieth of one core.
     */
    public Map<String, Map<Integer, Long>> othersThanTasks() {
        Cached current = cached;
        if (current == null || System.nanoTime() - current.at > Math.max(FRESH_NANOS, 20 * current.took)) {
            countAll();
            current = cached;
        }
        Map<String, Map<Integer, Long>> others = new LinkedHashMap<>();
        current.counts.stream().filter(c -> !c.collection().equals("tasks"))
                .forEach(c -> others.put(c.collection(), c.byVersion()));
        return others;
    }

    void forget() {
        cached = null;
    }

    private record Cached(long at, long took, List<VersionCounts> counts) {
    }
}

package io.taskvault.store.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

import com.mongodb.client.model.Filters;

import io.taskvault.task.TaskSchemaRewriter;

/**
 * Rewrites every old document in the newest shape, in batches, so that queries on new fields find them too.
 * Reads stay correct meanwhile because every read upgrades on the fly. History is never rewritten: its hash
 * chain covers the stored form, so old events are upgraded on read only, forever.
 */
@Service
public class BatchUpgrade {

    private static final Logger log = LoggerFactory.getLogger(BatchUpgrade.class);

    private final MongoTemplate mongo;
    private final VersionedSchemaUpgrader upgrader;
    private final TaskSchemaRewriter tasks;
    private final SchemaCensus census;
    private final SchemaProperties properties;
    private final AtomicBoolean running = new AtomicBoolean();

    BatchUpgrade(MongoTemplate mongo, VersionedSchemaUpgrader upgrader, TaskSchemaRewriter tasks, SchemaCensus census,
                 SchemaProperties properties) {
        this.mongo = mongo;
        this.upgrader = upgrader;
        this.tasks = tasks;
        this.census = census;
        this.properties = properties;
    }

    /** Upgrades every collection; returns the counts per version afterwards. Refuses to run twice at once. */
    public UpgradeReport run() {
        if (!running.compareAndSet(false, true)) {
            throw new IllegalStateException("a schema upgrade is already running; wait for it to finish");
        }
        long started = System.nanoTime();
        try {
            long tasksDone = upgrade("tasks", tasks::rewrite);
            long outputsDone = upgrade("task_outputs", this::replaceOutputs);
            census.forget();
            List<VersionCounts> after = census.countAll();
            return new UpgradeReport(tasksDone + outputsDone, (System.nanoTime() - started) / 1_000_000, after);
        } finally {
            running.set(false);
        }
    }

    public boolean isRunning() {
        return running.get();
    }

    private long upgrade(String collection, java.util.function.ToIntFunction<List<Document>> rewrite) {
        int newest = upgrader.newest(collection);
        //why: one pass collecting ids, then batches fetched by exact _id, which the embedded engine serves by index
        List<Object> old = new ArrayList<>();
        mongo.getCollection(collection).find().projection(new Document(UpgradeChain.VERSION_FIELD, 1))
                .forEach(d -> {
                    if (UpgradeChain.versionOf(d) < newest) {
                        old.add(d.get("_id"));
                    }
                });
        long done = 0;
        for (int from = 0; from < old.size(); from += properties.batchSize()) {
            List<Object> ids = old.subList(from, Math.min(old.size(), from + properties.batchSize()));
            List<Document> batch = new ArrayList<>();
            mongo.getCollection(collection).find(Filters.in("_id", ids)).into(batch);
            batch.removeIf(d -> UpgradeChain.versionOf(d) >= newest);
            done += rewrite.applyAsInt(batch);
        }
        if (!old.isEmpty()) {
            log.info("Upgraded {} of {} old documents in {} to schema version {}", done, old.size(), collection, newest);
        }
        return done;
    }

    private int replaceOutputs(List<Document> batch) {
        int done = 0;
        for (Document raw : batch) {
            Document upgraded = upgrader.upgrade("task_outputs", new Document(raw));
            done += (int) mongo.getCollection("task_outputs").replaceOne(Filters.eq("_id", raw.get("_id")), upgraded)
                    .getModifiedCount();
        }
        return done;
    }
}

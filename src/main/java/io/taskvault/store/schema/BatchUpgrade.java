package io.taskvault.store.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToIntFunction;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.WriteModel;

import io.taskvault.system.ProgressListener;

/**
 * Rewrites every old document in the newest shape, in batches, so that queries on new fields find them too.
 * Reads stay correct meanwhile because every read upgrades on the fly. History is never rewritten: its hash
 * chain covers the stored form, so old events are upgraded on read only, forever.
 */
@Service
public class BatchUpgrade {

    private static final Logger log = LoggerFactory.getLogger(BatchUpgrade.class);
    private static final List<String> REWRITTEN = List.of("tasks", "task_outputs");

    private final MongoTemplate mongo;
    private final VersionedSchemaUpgrader upgrader;
    private final TaskRewriter tasks;
    private final SchemaCensus census;
    private final SchemaProperties properties;
    private final AsyncTaskExecutor writers;
    private final AtomicBoolean running = new AtomicBoolean();

    BatchUpgrade(MongoTemplate mongo, VersionedSchemaUpgrader upgrader, TaskRewriter tasks, SchemaCensus census,
                 SchemaProperties properties, @Qualifier(SchemaUpgradeExecutor.NAME) AsyncTaskExecutor writers) {
        this.mongo = mongo;
        this.writers = writers;
        this.upgrader = upgrader;
        this.tasks = tasks;
        this.census = census;
        this.properties = properties;
    }

    /** Upgrades every collection; returns the counts per version afterwards. Refuses to run twice at once. */
    public UpgradeReport run() {
        return run(ProgressListener.NONE);
    }

    /** As {@link #run()}, telling {@code progress} how many of the old documents are done after each batch. */
    public UpgradeReport run(ProgressListener progress) {
        return run(progress, true);
    }

    /**
     * The pass at every start-up: as {@link #run()}, but when nothing was old the versions are not counted afterwards
     * (a pass over every event, minutes at a million tasks, for counts that did not change).
     */
    UpgradeReport runAtStartUp() {
        return run(ProgressListener.NONE, false);
    }

    private UpgradeReport run(ProgressListener progress, boolean alwaysCount) {
        if (!running.compareAndSet(false, true)) {
            throw new IllegalStateException("a schema upgrade is already running; wait for it to finish");
        }
        long started = System.nanoTime();
        try {
            List<List<Object>> old = REWRITTEN.stream().map(this::oldIds).toList();
            long total = old.stream().mapToLong(List::size).sum();
            AtomicLong done = new AtomicLong();
            progress.progress(0, total);
            long rewritten = upgrade("tasks", old.get(0), tasks::rewrite, progress, done, total)
                    + upgrade("task_outputs", old.get(1), this::replaceOutputs, progress, done, total);
            List<VersionCounts> after = List.of();
            if (alwaysCount || rewritten > 0) {
                census.forget();
                after = census.countAll();
            }
            return new UpgradeReport(rewritten, (System.nanoTime() - started) / 1_000_000, after);
        } finally {
            running.set(false);
        }
    }

    public boolean isRunning() {
        return running.get();
    }

    /** The ids of the collection's documents older than its newest version, in _id order; one pass, ids only. */
    private List<Object> oldIds(String collection) {
        //why: the pass is a full scan on the embedded engine (minutes at a million tasks, at every start-up); its
        //    tally says at once whether there is anything old to look for
        if (census.countsAreTallied() && census.count(collection).remaining() == 0) {
            return List.of();
        }
        int newest = upgrader.newest(collection);
        List<Object> old = new ArrayList<>();
        mongo.getCollection(collection).find(Filters.not(Filters.gte(UpgradeChain.VERSION_FIELD, newest)))
                .projection(new Document(UpgradeChain.VERSION_FIELD, 1)).sort(Sorts.ascending("_id"))
                .forEach(d -> old.add(d.get("_id")));
        return old;
    }

    /**
     * Rewrites the documents in batches of consecutive ids. Each batch is one read and one bulk write; up to
     * {@code writers} batches are in flight, so one is transformed and hashed while another is being written.
     * //why: batches are fetched by their exact ids, not by an _id range: the embedded engine serves $in from its
     * _id index but scans the whole collection for a range; on MongoDB both use the index
     */
    private long upgrade(String collection, List<Object> old, ToIntFunction<List<Document>> rewrite,
                         ProgressListener progress, AtomicLong done, long total) {
        int newest = upgrader.newest(collection);
        List<InFlight> inFlight = new ArrayList<>();
        long rewritten = 0;
        for (int from = 0; from < old.size(); from += properties.batchSize()) {
            List<Object> ids = List.copyOf(old.subList(from, Math.min(old.size(), from + properties.batchSize())));
            inFlight.add(new InFlight(ids.size(), writers.submit(() -> {
                List<Document> batch = new ArrayList<>(ids.size());
                mongo.getCollection(collection).find(Filters.in("_id", ids)).into(batch);
                //why: a document written since the id pass (by a save, or a reader's own upgrade) is newest already
                batch.removeIf(d -> UpgradeChain.versionOf(d) >= newest);
                return batch.isEmpty() ? 0 : rewrite.applyAsInt(batch);
            })));
            if (inFlight.size() >= properties.writers()) {
                rewritten += inFlight.remove(0).join(progress, done, total);
            }
        }
        for (InFlight batch : inFlight) {
            rewritten += batch.join(progress, done, total);
        }
        if (!old.isEmpty()) {
            log.info("Upgraded {} of {} old documents in {} to schema version {}", rewritten, old.size(), collection,
                    newest);
        }
        return rewritten;
    }

    /** A batch being written; progress is told in the caller's thread, as a progress bar needs. */
    private record InFlight(int size, Future<Integer> result) {

        int join(ProgressListener progress, AtomicLong done, long total) {
            int count = BatchUpgrade.join(result);
            progress.progress(done.addAndGet(size), total);
            return count;
        }
    }

    private static int join(Future<Integer> batch) {
        try {
            return batch.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("schema upgrade interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    private int replaceOutputs(List<Document> batch) {
        List<WriteModel<Document>> replacements = new ArrayList<>(batch.size());
        for (Document raw : batch) {
            //why: matched on the version read, so an output rewritten meanwhile is left as it is
            replacements.add(new ReplaceOneModel<>(Filters.and(Filters.eq("_id", raw.get("_id")),
                    Filters.eq(UpgradeChain.VERSION_FIELD, raw.get(UpgradeChain.VERSION_FIELD))),
                    upgrader.upgrade("task_outputs", new Document(raw))));
        }
        return mongo.getCollection("task_outputs").bulkWrite(replacements, new BulkWriteOptions().ordered(false))
                .getModifiedCount();
    }
}

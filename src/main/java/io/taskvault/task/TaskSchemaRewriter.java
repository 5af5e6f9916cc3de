package io.taskvault.task;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.WriteModel;
import com.mongodb.client.model.Filters;

import io.taskvault.store.StoreChanges;
import io.taskvault.store.SchemaUpgrader;
import io.taskvault.store.schema.TaskRewriter;

/**
 * Rewrites old task documents in the newest shape for the batch upgrader. A v1 (file-based) task has no key
 * and no history: it gets the next key from the counter and the very CREATED event a new task gets, built
 * from the upgraded task the way {@link TaskWriter} builds it, so crash repair can rebuild it identically.
 */
@Component
public class TaskSchemaRewriter implements TaskRewriter {

    static final String LEGACY_ACTOR = "schema-upgrade";

    private final MongoTemplate mongo;
    private final TaskStore tasks;
    private final HistoryStore history;
    private final TaskDocuments documents;
    private final KeySequence keys;
    private final SchemaUpgrader upgrader;
    private final StoreChanges changes;
    private final Clock clock;
    private final StatisticsCounters counters;
    private final StatisticsRecount recount;

    TaskSchemaRewriter(MongoTemplate mongo, TaskStore tasks, HistoryStore history, TaskDocuments documents,
                       KeySequence keys, SchemaUpgrader upgrader, StoreChanges changes, Clock clock,
                       StatisticsCounters counters, StatisticsRecount recount) {
        this.clock = clock;
        this.counters = counters;
        this.recount = recount;
        this.mongo = mongo;
        this.tasks = tasks;
        this.history = history;
        this.documents = documents;
        this.keys = keys;
        this.upgrader = upgrader;
        this.changes = changes;
    }

    @Override
    public int rewrite(List<Document> raws) {
        try (StatisticsCounters.Change counted = counters.change(raws.stream().map(r -> String.valueOf(r.get("_id"))).toList())) {
            return rewrite(raws, counted);
        }
    }

    private int rewrite(List<Document> raws, StatisticsCounters.Change counted) {
        long legacy = raws.stream().filter(TaskSchemaRewriter::hasNoHistory).count();
        long nextKey = legacy == 0 ? 0 : reserveKeys(legacy);
        //why: one bulk write for the tasks, then one for their events: every single write waits for a commit
        List<WriteModel<Document>> replacements = new ArrayList<>();
        List<Document[]> replaced = new ArrayList<>();
        List<Document> events = new ArrayList<>();
        int moved = 0;
        for (Document raw : raws) {
            if (!hasNoHistory(raw)) {
                Document upgraded = upgrader.upgrade(Task.COLLECTION, new Document(raw));
                replacements.add(new ReplaceOneModel<>(Filters.and(Filters.eq("_id", raw.get("_id")),
                        Filters.eq("version", raw.get("version"))), upgraded));
                replaced.add(new Document[] {raw, upgraded});
                continue;
            }
            Adopted adopted = adopt(raw, nextKey++);
            if (raw.get("_id") instanceof String) {
                replacements.add(new ReplaceOneModel<>(Filters.eq("_id", raw.get("_id")), adopted.task()));
                replaced.add(new Document[] {raw, adopted.task()});
                events.add(adopted.event());
            } else if (moveToNewId(raw, adopted.task())) {
                counted.record(String.valueOf(raw.get("_id")), CountedFacts.of(raw), null);
                counted.record(adopted.task().getString("_id"), null, CountedFacts.of(adopted.task()));
                events.add(adopted.event());
                moved++;
            }
        }
        int rewritten = moved;
        if (!replacements.isEmpty()) {
            //why: the tasks go first, as in TaskWriter.create: a lost CREATED event is rebuilt from its task on load
            int matched = tasks.collection().bulkWrite(replacements, new BulkWriteOptions().ordered(false)).getMatchedCount();
            rewritten += matched;
            if (matched == replacements.size()) {
                counted.recordAll(replaced.stream().map(pair -> new StatisticsCounters.Counted(
                        String.valueOf(pair[0].get("_id")), CountedFacts.of(pair[0]), CountedFacts.of(pair[1]))).toList());
            } else {
                //why: the bulk answer does not say which replacements another writer overtook
                recount.request("a schema upgrade batch found tasks changed under it");
            }
        }
        insertIgnoringDuplicates(events);
        if (rewritten > 0) {
            changes.written(Task.COLLECTION);
        }
        return rewritten;
    }

    private void insertIgnoringDuplicates(List<Document> events) {
        if (events.isEmpty()) {
            return;
        }
        try {
            history.collection().insertMany(events, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            if (e.getWriteErrors().stream().anyMatch(w -> ErrorCategory.fromErrorCode(w.getCode()) != ErrorCategory.DUPLICATE_KEY)) {
                throw e;
            }
        }
    }

    private static boolean hasNoHistory(Document raw) {
        return raw.get("historyHash") == null;
    }

    //why: one counter round trip per batch instead of one per task; keys stay unique across processes
    private long reserveKeys(long count) {
        Document counter = mongo.findAndModify(Query.query(Criteria.where("_id").is("taskKey")),
                new Update().inc("value", count), FindAndModifyOptions.options().upsert(true).returnNew(true),
                Document.class, KeySequence.COLLECTION);
        return ((Number) counter.get("value")).longValue() - count + 1;
    }

    private record Adopted(Document task, Document event) {
    }

    private Adopted adopt(Document raw, long keyNumber) {
        Task task = documents.toTask(new Document(raw));
        if (!(raw.get("_id") instanceof String)) {
            //why: a 24-hex string id is turned back into an ObjectId by the mapping layer's queries, and the
            // raw reads look ids up as strings; a UUID like every other task's is safe from both
            task.getMetadata().put("legacyId", String.valueOf(raw.get("_id")));
            task.setId(TaskIds.next());
        }
        task.setKey(keys.prefix() + "-" + keyNumber);
        if (task.getCreatedAt() == null) {
            task.setCreatedAt(clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        }
        if (task.getCreatedBy() == null) {
            task.setCreatedBy(LEGACY_ACTOR);
        }
        Document sealed = history.seal(documents.createdEvent(task));
        task.setVersion(1);
        task.historySealed(1, sealed.getString("hash"));
        if (task.getUpdatedAt() == null) {
            task.setUpdatedAt(task.getCreatedAt());
        }
        task.setSchemaVersion(Task.SCHEMA_VERSION);
        return new Adopted(upgrader.upgrade(Task.COLLECTION, documents.toDocument(task)), sealed);
    }

    //why: the new document goes in before the old leaves; a crash between leaves a twin whose externalId collides
    private boolean moveToNewId(Document raw, Document rewritten) {
        try {
            tasks.collection().insertOne(rewritten);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            tasks.collection().deleteOne(Filters.eq("_id", raw.get("_id")));
            return false;
        }
        tasks.collection().deleteOne(Filters.eq("_id", raw.get("_id")));
        return true;
    }
}

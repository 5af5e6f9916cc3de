package io.taskvault.task;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.LongStream;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.gridfs.model.GridFSUploadOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndReplaceOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.ReplaceOptions;

import io.taskvault.store.StoreChanges;
import io.taskvault.task.history.HistoryEvent;
import io.taskvault.task.output.TaskOutput;

/**
 * A task's stored documents exactly as MongoDB holds them (task, history, outputs, GridFS content), for
 * archival: taken out of the hot collections whole and put back whole. Hash chains cover these raw forms.
 */
@Component
public class RawTaskDocuments {

    private final TaskStore tasks;
    private final HistoryStore history;
    private final MongoTemplate mongo;
    private final MongoDatabaseFactory databases;
    private final StoreChanges changes;
    private final StatisticsCounters counters;

    RawTaskDocuments(TaskStore tasks, HistoryStore history, MongoTemplate mongo, MongoDatabaseFactory databases,
                     StoreChanges changes, StatisticsCounters counters) {
        this.counters = counters;
        this.tasks = tasks;
        this.history = history;
        this.mongo = mongo;
        this.databases = databases;
        this.changes = changes;
    }

    /** One task's documents; {@code files} maps a GridFS id (hex) to its bytes. */
    public record Raw(Document task, List<Document> history, List<Document> outputs, List<Document> files) {
    }

    /** The task and its history only (no outputs), for integrity checks. */
    public Optional<Raw> readHistory(String taskId) {
        Document task = tasks.collection().find(Filters.eq("_id", taskId)).first();
        if (task == null) {
            return Optional.empty();
        }
        long version = ((Number) task.get("version")).longValue();
        return Optional.of(new Raw(task, history.raw(taskId, 1, version), List.of(), List.of()));
    }

    public Optional<Raw> read(String taskId) {
        Document task = tasks.collection().find(Filters.eq("_id", taskId)).first();
        if (task == null) {
            return Optional.empty();
        }
        long version = ((Number) task.get("version")).longValue();
        long outputSeq = task.get("outputSeq") == null ? 0 : ((Number) task.get("outputSeq")).longValue();
        List<Document> outputs = new ArrayList<>();
        if (outputSeq > 0) {
            List<String> ids = LongStream.rangeClosed(1, outputSeq).mapToObj(s -> TaskOutput.idOf(taskId, s)).toList();
            mongo.getCollection(TaskOutput.COLLECTION).find(Filters.in("_id", ids)).into(outputs);
        }
        List<Document> files = new ArrayList<>();
        for (Document output : outputs) {
            String fileId = output.getString("gridFsId");
            if (fileId != null) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                bucket().downloadToStream(new ObjectId(fileId), bytes);
                files.add(new Document("_id", fileId).append("filename", output.getString("_id"))
                        .append("data", bytes.toByteArray()));
            }
        }
        return Optional.of(new Raw(task, history.raw(taskId, 1, version), outputs, files));
    }

    /** Removes the task's documents from the hot collections (history last, so a crash leaves it findable). */
    public void remove(Raw raw) {
        String taskId = raw.task().getString("_id");
        for (Document file : raw.files()) {
            ObjectId id = new ObjectId(file.getString("_id"));
            if (bucket().find(Filters.eq("_id", id)).first() != null) {
                bucket().delete(id);
            }
        }
        //why: by exact _id, which the embedded engine answers from its index; a filter on taskId scans the whole
        //    collection once per archived task. One id past the last covers a write cut in two by a crash.
        mongo.getCollection(TaskOutput.COLLECTION).deleteMany(Filters.in("_id",
                idsUpTo(raw.task(), "outputSeq", seq -> TaskOutput.idOf(taskId, seq))));
        try (StatisticsCounters.Change counted = counters.change(taskId)) {
            Document removed = tasks.collection().findOneAndDelete(Filters.eq("_id", taskId));
            if (removed != null) {
                counted.record(taskId, CountedFacts.of(removed), null);
            }
        }
        history.collection().deleteMany(Filters.in("_id",
                idsUpTo(raw.task(), "version", seq -> HistoryEvent.idOf(taskId, seq))));
        changes.written(Task.COLLECTION);
    }

    /**
     * Removes what is left of a task whose document is gone: its outputs with their GridFS files, then its history.
     * By {@code taskId} (indexed with seq on both), so a write cut short by a crash cannot leave one behind.
     */
    public void removeRemainsOf(String taskId) {
        List<Document> outputs = new ArrayList<>();
        mongo.getCollection(TaskOutput.COLLECTION).find(Filters.eq("taskId", taskId))
                .projection(new Document("gridFsId", 1)).into(outputs);
        java.util.Set<ObjectId> files = new java.util.LinkedHashSet<>();
        outputs.stream().map(o -> o.getString("gridFsId")).filter(java.util.Objects::nonNull).map(ObjectId::new)
                .forEach(files::add);
        //why: an upload whose output document a crash lost is found by the task id the upload carries
        bucket().find(Filters.eq("metadata.taskId", taskId)).forEach(file -> files.add(file.getObjectId()));
        for (ObjectId file : files) {
            if (bucket().find(Filters.eq("_id", file)).first() != null) {
                bucket().delete(file);
            }
        }
        mongo.getCollection(TaskOutput.COLLECTION).deleteMany(Filters.eq("taskId", taskId));
        history.collection().deleteMany(Filters.eq("taskId", taskId));
        changes.written(Task.COLLECTION);
    }

    private static List<String> idsUpTo(Document task, String counter, java.util.function.LongFunction<String> idOf) {
        long last = task.get(counter) == null ? 0 : ((Number) task.get(counter)).longValue();
        return LongStream.rangeClosed(1, last + 1).mapToObj(idOf).toList();
    }

    /** Puts the documents back as they were (replacing any left by an interrupted restore), task last. */
    public void restore(Raw raw) {
        ReplaceOptions upsert = new ReplaceOptions().upsert(true);
        for (Document event : raw.history()) {
            history.collection().replaceOne(Filters.eq("_id", event.get("_id")), event, upsert);
        }
        for (Document file : raw.files()) {
            ObjectId id = new ObjectId(file.getString("_id"));
            if (bucket().find(Filters.eq("_id", id)).first() == null) {
                byte[] data = file.get("data", org.bson.types.Binary.class) != null
                        ? file.get("data", org.bson.types.Binary.class).getData() : (byte[]) file.get("data");
                bucket().uploadFromStream(new org.bson.BsonObjectId(id), file.getString("filename"),
                        new ByteArrayInputStream(data), new GridFSUploadOptions());
            }
        }
        for (Document output : raw.outputs()) {
            mongo.getCollection(TaskOutput.COLLECTION).replaceOne(Filters.eq("_id", output.get("_id")), output, upsert);
        }
        String taskId = String.valueOf(raw.task().get("_id"));
        try (StatisticsCounters.Change counted = counters.change(taskId)) {
            Document replaced = tasks.collection().findOneAndReplace(Filters.eq("_id", raw.task().get("_id")), raw.task(),
                    new FindOneAndReplaceOptions().upsert(true).returnDocument(ReturnDocument.BEFORE));
            counted.record(taskId, replaced == null ? null : CountedFacts.of(replaced), CountedFacts.of(raw.task()));
        }
        changes.written(Task.COLLECTION);
    }

    private GridFSBucket bucket() {
        return GridFSBuckets.create(databases.getMongoDatabase(), "outputs");
    }
}

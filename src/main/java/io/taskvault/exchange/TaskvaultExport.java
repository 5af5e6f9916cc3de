package io.taskvault.exchange;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.bson.BsonType;
import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;

import io.taskvault.archive.ArchiveStore;
import io.taskvault.context.ContextKind;
import io.taskvault.graph.TaskEdge;
import io.taskvault.store.IdPages;
import io.taskvault.system.ProgressListener;
import io.taskvault.task.Task;
import io.taskvault.task.deletion.Tombstone;
import io.taskvault.task.history.HistoryEvent;
import io.taskvault.task.output.TaskOutput;
import io.taskvault.task.secrets.SecretRedactor;

/**
 * taskvault's own export: every stored document, raw and in MongoDB extended JSON (so longs stay longs and dates
 * stay dates, and every hash still matches), one per line: the counters, the history, the outputs with their
 * GridFS files and chunks, the dependency edges, the archive, the context records, the deleted tasks' tombstones,
 * and the tasks last. Shell
 * sessions and job locks belong to running processes and are left out.
 */
@Service
public class TaskvaultExport {

    public static final String FORMAT = "taskvault-export";
    public static final int FORMAT_VERSION = 1;
    //why: history and outputs before the tasks that point at them, as the writers order them
    //why: named here, not taken from their owners' constants: several of those are package-private
    public static final List<String> COLLECTIONS = Stream.of(
            Stream.of("counters", "context_sequences", "task_archive_counters", HistoryEvent.COLLECTION,
                    TaskOutput.COLLECTION, "outputs.files", "outputs.chunks", "context_bodies.files",
                    "context_bodies.chunks"),
            Arrays.stream(ContextKind.values()).map(ContextKind::collection),
            Stream.of(TaskEdge.COLLECTION, ArchiveStore.COLLECTION, Tombstone.COLLECTION, Task.COLLECTION))
            .flatMap(s -> s).toList();
    /** Counters: on import they are raised to the exported value, never lowered, never duplicated. */
    static final Map<String, String> COUNTERS = Map.of("counters", "value", "context_sequences", "seq");
    private static final java.util.Set<String> CONTEXT = Arrays.stream(ContextKind.values()).map(ContextKind::collection)
            .collect(java.util.stream.Collectors.toSet());
    static final JsonWriterSettings JSON = JsonWriterSettings.builder().outputMode(JsonMode.EXTENDED).build();

    private static final int BATCH = 500;
    //why: GridFS chunks are up to 255 KiB each
    private static final int CHUNK_BATCH = 8;
    //why: any fixed order will do for ids of mixed types; by type first, as MongoDB orders them
    private static final Comparator<Object> ID_ORDER = Comparator.comparing((Object id) -> id.getClass().getName())
            .thenComparing(String::valueOf);

    private final MongoTemplate mongo;
    private final Clock clock;
    private final long partitionAbove;
    private final int page;

    @Autowired
    TaskvaultExport(MongoTemplate mongo, Clock clock, ExportProperties properties) {
        this(mongo, clock, properties, IdPages.DEFAULT_PAGE);
    }

    /** With pages of {@code page} ids in the collections read in pages (tests give small ones). */
    TaskvaultExport(MongoTemplate mongo, Clock clock, ExportProperties properties, int page) {
        this.mongo = mongo;
        this.clock = clock;
        this.partitionAbove = properties.partitionAbove();
        this.page = page;
    }

    /** Writes the export to {@code out} (not closed); returns how many documents were written. */
    public long export(OutputStream out) {
        return export(out, ProgressListener.NONE);
    }

    /** As {@link #export(OutputStream)}, telling {@code progress} how many documents are written of how many. */
    public long export(OutputStream out, ProgressListener progress) {
        //why: a progress total needs no exact count, and counting every document exactly reads each of them
        long total = COLLECTIONS.stream().mapToLong(c -> mongo.getCollection(c).estimatedDocumentCount()).sum();
        progress.progress(0, total);
        try {
            BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            writer.write(new Document("format", FORMAT).append("formatVersion", FORMAT_VERSION)
                    .append("exportedAt", clock.instant().toString()).toJson(JSON));
            writer.newLine();
            long[] written = {0};
            for (String collection : COLLECTIONS) {
                IdPages.forEach(mongo.getCollection(collection), partitionAbove, page,
                        Projections.include("_id"), page -> {
                            for (List<Object> batch : idBatches(collection, page)) {
                                for (Document document : byIds(collection, batch)) {
                                    write(writer, collection, document);
                                    progress.progress(++written[0], Math.max(total, written[0]));
                                }
                            }
                        });
            }
            writer.flush();
            return written[0];
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the export", e);
        }
    }

    private static void write(BufferedWriter writer, String collection, Document document) {
        //why: context records are redacted as they are stored, but not those stored before; no hash covers them
        Object written = CONTEXT.contains(collection) ? SecretRedactor.redact(document).map() : document;
        try {
            writer.write(new Document("collection", collection).append("document", written).toJson(JSON));
            writer.newLine();
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the export", e);
        }
    }

    //why: a find by _id $in is answered from the _id index on either engine; a page of ids is read first (see IdPages)
    private static List<List<Object>> idBatches(String collection, List<Document> page) {
        List<Object> ids = new ArrayList<>(page.size());
        page.forEach(d -> ids.add(d.get("_id")));
        ids.sort(ID_ORDER);
        int size = collection.endsWith(".chunks") ? CHUNK_BATCH : BATCH;
        List<List<Object>> batches = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += size) {
            batches.add(ids.subList(from, Math.min(ids.size(), from + size)));
        }
        return batches;
    }

    /** The documents of {@code ids} in that order (those deleted since the ids were read are skipped). */
    private List<Document> byIds(String collection, List<Object> ids) {
        MongoCollection<Document> documents = mongo.getCollection(collection);
        Map<Object, Document> found = new HashMap<>();
        documents.find(Filters.in("_id", ids)).forEach(d -> found.put(d.get("_id"), d));
        List<Document> ordered = new ArrayList<>(found.size());
        ids.stream().map(found::get).filter(java.util.Objects::nonNull).forEach(ordered::add);
        return ordered;
    }
}

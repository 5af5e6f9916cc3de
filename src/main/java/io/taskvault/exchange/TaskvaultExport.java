package io.taskvault.exchange;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

import io.taskvault.archive.ArchiveStore;
import io.taskvault.context.ContextKind;
import io.taskvault.graph.TaskEdge;
import io.taskvault.system.ProgressListener;
import io.taskvault.task.Task;
import io.taskvault.task.history.HistoryEvent;
import io.taskvault.task.output.TaskOutput;

/**
 * taskvault's own export: every stored document, raw and in MongoDB extended JSON (so longs stay longs and dates
 * stay dates, and every hash still matches), one per line: the counters, the history, the outputs with their
 * GridFS files and chunks, the dependency edges, the archive, the context records, and the tasks last. Shell
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
            Stream.of(TaskEdge.COLLECTION, ArchiveStore.COLLECTION, Task.COLLECTION)).flatMap(s -> s).toList();
    /** Counters: on import they are raised to the exported value, never lowered, never duplicated. */
    static final Map<String, String> COUNTERS = Map.of("counters", "value", "context_sequences", "seq");
    static final JsonWriterSettings JSON = JsonWriterSettings.builder().outputMode(JsonMode.EXTENDED).build();

    private final MongoTemplate mongo;
    private final Clock clock;

    TaskvaultExport(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** Writes the export to {@code out} (not closed); returns how many documents were written. */
    public long export(OutputStream out) {
        return export(out, ProgressListener.NONE);
    }

    /** As {@link #export(OutputStream)}, telling {@code progress} how many documents are written of how many. */
    public long export(OutputStream out, ProgressListener progress) {
        long total = COLLECTIONS.stream().mapToLong(c -> mongo.getCollection(c).countDocuments()).sum();
        progress.progress(0, total);
        long count = 0;
        try {
            BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            writer.write(new Document("format", FORMAT).append("formatVersion", FORMAT_VERSION)
                    .append("exportedAt", clock.instant().toString()).toJson(JSON));
            writer.newLine();
            for (String collection : COLLECTIONS) {
                for (Document document : mongo.getCollection(collection).find().sort(new Document("_id", 1))) {
                    writer.write(new Document("collection", collection).append("document", document).toJson(JSON));
                    writer.newLine();
                    progress.progress(++count, Math.max(total, count));
                }
            }
            writer.flush();
            return count;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the export", e);
        }
    }
}

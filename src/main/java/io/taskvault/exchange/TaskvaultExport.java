package io.taskvault.exchange;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;

import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/**
 * taskvault's own export: every stored document, raw and in MongoDB extended JSON (so longs stay longs and dates
 * stay dates, and every hash still matches), one per line: the counters, the history, the outputs with their
 * GridFS files and chunks, and the tasks last.
 */
@Service
public class TaskvaultExport {

    public static final String FORMAT = "taskvault-export";
    public static final int FORMAT_VERSION = 1;
    //why: history and outputs before the tasks that point at them, as the writers order them
    static final List<String> COLLECTIONS = List.of("counters", "task_history", "task_outputs", "outputs.files",
            "outputs.chunks", "tasks");
    static final JsonWriterSettings JSON = JsonWriterSettings.builder().outputMode(JsonMode.EXTENDED).build();

    private final MongoTemplate mongo;
    private final Clock clock;

    TaskvaultExport(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** Writes the export to {@code out} (not closed); returns how many documents were written. */
    public long export(OutputStream out) {
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
                    count++;
                }
            }
            writer.flush();
            return count;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the export", e);
        }
    }
}

package io.taskvault.exchange;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.bson.Document;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

import io.taskvault.exchange.SourceFiles.BadFile;
import io.taskvault.store.StoreChanges;
import io.taskvault.store.schema.UpgradeChain;
import io.taskvault.store.schema.VersionedSchemaUpgrader;
import io.taskvault.system.ProgressListener;
import io.taskvault.task.Task;
import io.taskvault.task.TasksRewritten;

/**
 * Reads taskvault's own export back, document for document: what is missing is inserted exactly as exported, so
 * every hash chain stays intact; what is already stored identically is skipped; what is stored differently is
 * left alone and reported. Counters only ever move up.
 */
@Service
public class TaskvaultImport {

    private final MongoTemplate mongo;
    private final VersionedSchemaUpgrader upgrader;
    private final StoreChanges changes;
    private final ApplicationEventPublisher events;

    TaskvaultImport(MongoTemplate mongo, VersionedSchemaUpgrader upgrader, StoreChanges changes,
                    ApplicationEventPublisher events) {
        this.events = events;
        this.mongo = mongo;
        this.upgrader = upgrader;
        this.changes = changes;
    }

    public ImportSummary run(String name, InputStream in, boolean dryRun) {
        return run(name, in, dryRun, 0, ProgressListener.NONE);
    }

    /** Imports an export file, telling {@code progress} how many of its lines are done. */
    public ImportSummary run(Path file, boolean dryRun, ProgressListener progress) {
        if (!Files.isRegularFile(file)) {
            throw new ImportSourceException(file.toAbsolutePath() + " is not a file; expected a taskvault export");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return run(file.toString(), in, dryRun, Math.max(0, lineCount(file) - 1), progress);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file, e);
        }
    }

    //why: counted on bytes, so a file with broken UTF-8 still imports line by line and reports the bad lines
    private static long lineCount(Path file) throws IOException {
        long lines = 0;
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                for (int i = 0; i < n; i++) {
                    lines += buffer[i] == '\n' ? 1 : 0;
                }
            }
        }
        return lines;
    }

    private ImportSummary run(String name, InputStream in, boolean dryRun, long lines, ProgressListener progress) {
        ImportLog log = new ImportLog();
        Map<String, int[]> counts = new TreeMap<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String header = reader.readLine();
            checkHeader(header);
            String line;
            progress.progress(0, lines);
            for (int number = 2; (line = reader.readLine()) != null; number++) {
                if (!line.isBlank()) {
                    importLine(name + ":" + number, line, dryRun, log, counts);
                }
                progress.progress(number - 1, Math.max(lines, number - 1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + name, e);
        }
        counts.forEach((collection, c) -> {
            if (c[0] > 0) {
                log.created.add(new ImportSummary.Entry(name, collection, c[0] + (dryRun ? " would be inserted" : " inserted"),
                        c[0]));
            }
            if (c[1] > 0) {
                log.skipped.add(new ImportSummary.Entry(name, collection, c[1] + " already stored identically", c[1]));
            }
        });
        if (!dryRun) {
            //why: the services that keep an index in memory (tasks, edges, archive) reload on these counters
            counts.forEach((collection, c) -> {
                if (c[0] > 0) {
                    changes.written(collection);
                }
            });
            changes.written(Task.COLLECTION);
            if (counts.containsKey(Task.COLLECTION) && counts.get(Task.COLLECTION)[0] > 0) {
                events.publishEvent(new TasksRewritten("an import of " + name));
            }
        }
        return log.summary(name, dryRun);
    }

    private static void checkHeader(String header) {
        Document parsed;
        try {
            parsed = header == null ? null : SourceFiles.parse(header);
        } catch (BadFile e) {
            parsed = null;
        }
        if (parsed == null || !TaskvaultExport.FORMAT.equals(parsed.get("format"))) {
            throw new ImportSourceException("not a taskvault export: the first line must name format "
                    + TaskvaultExport.FORMAT);
        }
        if (!Objects.equals(parsed.get("formatVersion"), TaskvaultExport.FORMAT_VERSION)) {
            throw new ImportSourceException("taskvault export format version " + parsed.get("formatVersion")
                    + " is not known here; this taskvault reads version " + TaskvaultExport.FORMAT_VERSION);
        }
    }

    private void importLine(String where, String line, boolean dryRun, ImportLog log, Map<String, int[]> counts) {
        Document entry;
        try {
            entry = SourceFiles.parse(line);
        } catch (BadFile e) {
            log.reject(where, null, e.getMessage());
            return;
        }
        String collection = entry.getString("collection");
        Document document = entry.get("document", Document.class);
        if (collection == null || !TaskvaultExport.COLLECTIONS.contains(collection) || document == null
                || document.get("_id") == null) {
            log.reject(where, null, "needs a collection (one of " + TaskvaultExport.COLLECTIONS
                    + ") and a document with an _id");
            return;
        }
        String id = String.valueOf(document.get("_id"));
        if (VersionedSchemaUpgrader.COLLECTIONS.contains(collection)
                && UpgradeChain.versionOf(document) > upgrader.newest(collection)) {
            log.reject(where, id, collection + " document has schemaVersion " + UpgradeChain.versionOf(document)
                    + ", newer than this taskvault knows (" + upgrader.newest(collection) + ")");
            return;
        }
        int[] count = counts.computeIfAbsent(collection, c -> new int[2]);
        if (TaskvaultExport.COUNTERS.containsKey(collection)) {
            raiseCounter(collection, document, dryRun);
            count[1]++;
            return;
        }
        Document stored = mongo.getCollection(collection).find(Filters.eq("_id", document.get("_id"))).first();
        if (stored != null) {
            if (stored.equals(document)) {
                count[1]++;
            } else {
                log.reject(where, id, collection + " already holds a different document with this _id; left as stored");
            }
            return;
        }
        if (dryRun) {
            count[0]++;
            return;
        }
        try {
            mongo.getCollection(collection).insertOne(document);
            count[0]++;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            log.reject(where, id, "collides with a stored " + collection + " document: " + e.getError().getMessage());
        }
    }

    private void raiseCounter(String collection, Document counter, boolean dryRun) {
        String field = TaskvaultExport.COUNTERS.get(collection);
        Object value = counter.get(field);
        if (!dryRun && value instanceof Number) {
            mongo.getCollection(collection).updateOne(Filters.eq("_id", counter.get("_id")),
                    Updates.max(field, value), new com.mongodb.client.model.UpdateOptions().upsert(true));
        }
    }
}

package io.taskvault.exchange;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.bson.Document;
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

    TaskvaultImport(MongoTemplate mongo, VersionedSchemaUpgrader upgrader, StoreChanges changes) {
        this.mongo = mongo;
        this.upgrader = upgrader;
        this.changes = changes;
    }

    public ImportSummary run(String name, InputStream in, boolean dryRun) {
        ImportLog log = new ImportLog();
        Map<String, int[]> counts = new TreeMap<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String header = reader.readLine();
            checkHeader(header);
            String line;
            for (int number = 2; (line = reader.readLine()) != null; number++) {
                if (!line.isBlank()) {
                    importLine(name + ":" + number, line, dryRun, log, counts);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + name, e);
        }
        counts.forEach((collection, c) -> {
            if (c[0] > 0) {
                log.created.add(new ImportSummary.Entry(name, collection, c[0] + (dryRun ? " would be inserted" : " inserted")));
            }
            if (c[1] > 0) {
                log.skipped.add(new ImportSummary.Entry(name, collection, c[1] + " already stored identically"));
            }
        });
        if (!dryRun) {
            changes.written("tasks");
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
            throw new IllegalArgumentException("not a taskvault export: the first line must name format "
                    + TaskvaultExport.FORMAT);
        }
        if (!Objects.equals(parsed.get("formatVersion"), TaskvaultExport.FORMAT_VERSION)) {
            throw new IllegalArgumentException("taskvault export format version " + parsed.get("formatVersion")
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
        if (collection.equals("counters")) {
            raiseCounter(document, dryRun);
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

    private void raiseCounter(Document counter, boolean dryRun) {
        Object value = counter.get("value");
        if (!dryRun && value instanceof Number) {
            mongo.getCollection("counters").updateOne(Filters.eq("_id", counter.get("_id")),
                    Updates.max("value", value), new com.mongodb.client.model.UpdateOptions().upsert(true));
        }
    }
}

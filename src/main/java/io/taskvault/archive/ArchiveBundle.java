package io.taskvault.archive;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;

import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.DocumentCodec;

import io.taskvault.task.RawTaskDocuments.Raw;
import io.taskvault.task.history.HashChain;

/**
 * A task's raw documents as one compressed bundle: BSON (every type kept, so the history hashes exactly as
 * stored) deflated at the highest level with a preset dictionary of the field names all bundles share. What
 * follows from the history is left out and rebuilt when the bundle is read: the hashes (recomputed along the
 * chain, so a tampered bundle no longer matches the head hash kept beside it) and the task's fields (its events'
 * changes replayed). Anything that would not come back exactly (a chain broken before archival) is kept as it was.
 */
public final class ArchiveBundle {

    public static final int SCHEMA_VERSION = 2;
    //why: stands in for a hash the chain itself gives back; a string could be mistaken for a real hash
    private static final Boolean CHAINED = Boolean.TRUE;
    private static final DocumentCodec CODEC = new DocumentCodec();
    /** Task fields the writer sets itself, outside any event's changes (as the integrity check's projection knows). */
    private static final List<String> BOOKKEEPING = List.of("_id", "_class", "version", "schemaVersion", "historySeq",
            "historyHash", "updatedAt");
    private static final byte[] DICTIONARY = BundleDictionary.bytes();

    private ArchiveBundle() {
    }

    static byte[] pack(Raw raw) {
        Document head = head(raw.task(), raw.history());
        boolean replayable = raw.task().equals(rebuild(head, raw.history()));
        if (replayable && Objects.equals(head.get("historyHash"), lastHash(raw.history()))) {
            head.put("historyHash", CHAINED);
        }
        //why: a task's fields are its events' changes replayed; kept whole only when replaying would not give it back
        Document bundle = new Document("task", replayable ? new Document("head", head) : raw.task())
                .append("history", withoutChainedHashes(raw.history()))
                .append("outputs", raw.outputs()).append("files", raw.files());
        ByteBuffer bson = new RawBsonDocument(bundle, CODEC).getByteBuffer().asNIO();
        byte[] plain = new byte[bson.remaining()];
        bson.get(plain);
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        deflater.setDictionary(DICTIONARY);
        deflater.setInput(plain);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream(plain.length / 3 + 16);
        out.write(SCHEMA_VERSION);
        byte[] buffer = new byte[8192];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return out.toByteArray();
    }

    static Raw unpack(byte[] packed) {
        if (packed.length > 1 && (packed[0] & 0xFF) == 0x1F && (packed[1] & 0xFF) == 0x8B) {
            return unpackGzipJson(packed);
        }
        if (packed.length == 0 || packed[0] != SCHEMA_VERSION) {
            throw new IllegalStateException("archive bundle schema " + (packed.length == 0 ? "(empty)" : packed[0])
                    + " is not readable by this version (" + SCHEMA_VERSION + ")");
        }
        Document bundle = new RawBsonDocument(inflate(packed)).decode(CODEC);
        List<Document> history = withChainedHashes(documents(bundle, "history"));
        Document task = bundle.get("task", Document.class);
        if (task.size() == 1 && task.get("head") instanceof Document head) {
            if (Objects.equals(head.get("historyHash"), CHAINED)) {
                head.put("historyHash", lastHash(history));
            }
            task = rebuild(head, history);
        }
        return new Raw(task, history, documents(bundle, "outputs"), documents(bundle, "files"));
    }

    private static Document head(Document task, List<Document> history) {
        Document head = new Document();
        BOOKKEEPING.stream().filter(task::containsKey).forEach(field -> head.put(field, task.get(field)));
        return head;
    }

    private static String lastHash(List<Document> history) {
        return history.isEmpty() ? null : history.get(history.size() - 1).getString(HashChain.HASH_FIELD);
    }

    /** The task as its events' changes leave it, with the writer's own fields from {@code head}. */
    private static Document rebuild(Document head, List<Document> history) {
        Document task = new Document();
        if (head.containsKey("_id")) {
            task.put("_id", head.get("_id"));
        }
        for (Document event : history) {
            if (event.get("changes") instanceof Document changes) {
                changes.forEach((field, change) -> {
                    Document c = (Document) change;
                    if (c.get("after") == null) {
                        task.remove(field);
                    } else {
                        task.put(field, c.get("after"));
                    }
                });
            }
        }
        head.forEach(task::put);
        return task;
    }

    private static List<Document> withoutChainedHashes(List<Document> history) {
        List<Document> stripped = new ArrayList<>(history.size());
        String prev = null;
        for (Document event : history) {
            Document copy = new Document(event);
            String stored = event.getString(HashChain.HASH_FIELD);
            String storedPrev = event.getString("prevHash");
            boolean linked = storedPrev != null && storedPrev.equals(prev);
            if (linked) {
                copy.put("prevHash", CHAINED);
            }
            if (stored != null && stored.equals(HashChain.hash(event, storedPrev)) && (linked || storedPrev == null)) {
                copy.put(HashChain.HASH_FIELD, CHAINED);
            }
            stripped.add(copy);
            prev = stored;
        }
        return stripped;
    }

    private static List<Document> withChainedHashes(List<Document> history) {
        String prev = null;
        for (Document event : history) {
            if (Objects.equals(event.get("prevHash"), CHAINED)) {
                event.put("prevHash", prev);
            }
            if (Objects.equals(event.get(HashChain.HASH_FIELD), CHAINED)) {
                event.put(HashChain.HASH_FIELD, HashChain.hash(event, event.getString("prevHash")));
            }
            prev = event.getString(HashChain.HASH_FIELD);
        }
        return history;
    }

    private static byte[] inflate(byte[] packed) {
        Inflater inflater = new Inflater();
        inflater.setInput(packed, 1, packed.length - 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream(packed.length * 4);
        byte[] buffer = new byte[8192];
        try {
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && inflater.needsDictionary()) {
                    inflater.setDictionary(DICTIONARY);
                    continue;
                }
                if (n == 0 && inflater.needsInput()) {
                    throw new IllegalStateException("the archive bundle is truncated");
                }
                out.write(buffer, 0, n);
            }
        } catch (DataFormatException e) {
            throw new IllegalStateException("the archive bundle is damaged: " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
        return out.toByteArray();
    }

    @SuppressWarnings("unchecked")
    private static List<Document> documents(Document bundle, String field) {
        return (List<Document>) bundle.get(field);
    }

    //why: bundles written before schema 2 (GZIP over extended JSON, every hash stored) stay readable
    private static Raw unpackGzipJson(byte[] packed) {
        try (GZIPInputStream gzip = new GZIPInputStream(new ByteArrayInputStream(packed))) {
            Document bundle = Document.parse(new String(gzip.readAllBytes(), StandardCharsets.UTF_8));
            return new Raw(bundle.get("task", Document.class), documents(bundle, "history"), documents(bundle, "outputs"),
                    documents(bundle, "files"));
        } catch (IOException e) {
            throw new UncheckedIOException("The archive bundle is not valid GZIP", e);
        }
    }
}

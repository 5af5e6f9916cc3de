package io.taskvault.store;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.h2.mvstore.MVMap;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DocumentWithPosition;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.bson.Document;

/**
 * An H2 collection that keeps the number of its documents per {@code schemaVersion} in its meta map, updated by
 * every insert, update and delete under the collection's lock. The meta map lives in the same MVStore as the
 * documents, so every checkpoint holds counts and documents of the same moment, and the write-ahead log's replay
 * brings both forward together.
 * //why: counting versions with a query is a full scan on this engine (10 million events at 1,000,000 tasks: minutes
 * //    under the collection's lock, stalling every request queued behind it); the tally answers at once
 */
final class TallyingH2Collection extends IndexedH2Collection {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(TallyingH2Collection.class);

    /** The field the tally counts by; a document without it is version 1, as the upgraders read it. */
    static final String VERSION_FIELD = "schemaVersion";
    private static final String PREFIX = "taskvault.schemaVersion.";
    private static final String TALLIED = "taskvault.schemaVersionsTallied";

    private final MVMap<String, Object> meta;
    private final MVMap<Object, Document> documents;
    private final Predicate<Index<Object>> indexFromFile;
    private boolean indexing;
    private int passes;

    TallyingH2Collection(MongoDatabase database, String name, CollectionOptions options,
                         MVMap<Object, Document> documents, MVMap<String, Object> meta, CursorRegistry cursors,
                         Predicate<Index<Object>> indexFromFile) {
        super(database, name, options, documents, meta, cursors);
        this.documents = documents;
        this.meta = meta;
        this.indexFromFile = indexFromFile;
        if (documents.isEmpty() && !meta.containsKey(TALLIED)) {
            meta.put(TALLIED, Boolean.TRUE);
        }
    }

    /**
     * The documents per schema version. The first call on a collection tallied by no earlier run (or whose tally
     * no longer adds up to its size) counts them once, a full scan; every later one reads the tally.
     */
    synchronized Map<Integer, Long> schemaVersions() {
        Map<Integer, Long> tally = readTally();
        boolean tallied = meta.containsKey(TALLIED);
        long sum = tally.values().stream().mapToLong(Long::longValue).sum();
        if (!tallied || sum != count()) {
            long start = System.nanoTime();
            tally = recount();
            log.info("Counted the schema versions of {} once ({}): {} documents in {} ms", getCollectionName(),
                    tallied ? "its tally held " + sum : "no tally yet", count(), (System.nanoTime() - start) / 1_000_000);
        }
        return tally;
    }

    /**
     * Adds an index; one the file already holds is taken as it is.
     * //why: the engine fills an index that is empty by reading every document twice, also when it opens a stored
     * //    index that is empty because no document has its field (tasks' sparse externalId): two passes over every
     * //    task at each start (48 s at 1,000,000 tasks). Checkpoints hold documents and index entries of one moment,
     * //    and a file written otherwise gets its indexes checked afterwards (IndexRepair)
     */
    @Override
    public void addIndex(Index<Object> index) {
        indexing = indexFromFile.test(index);
        try {
            //why: start-up ensures every index, and one already there with no entries (tags, while no task has one)
            //    is no new index: filling it read every document at each start
            if (!indexing && index instanceof SecondaryIndex secondary && secondary.isEmpty() && !has(index.getName())) {
                //why: the engine would read every document twice (a uniqueness check, then the entries)
                streamAllDocumentsWithPosition().forEach(found -> secondary.add(found.getDocument(), found.getPosition(), this));
            }
            super.addIndex(index);
        } finally {
            indexing = false;
        }
    }

    private boolean has(String indexName) {
        return getIndexes().stream().anyMatch(existing -> existing.getName().equals(indexName));
    }

    @Override
    protected Stream<DocumentWithPosition<Object>> streamAllDocumentsWithPosition() {
        if (indexing) {
            return Stream.empty();
        }
        passes++;
        return super.streamAllDocumentsWithPosition();
    }

    /** How many times every document was read by the engine's own passes (index builds), for tests. */
    int passesOverEveryDocument() {
        return passes;
    }

    /**
     * Hands every document, as BSON, to {@code action}: a snapshot of the collection as this call starts, read from
     * the pages in this process without the collection's lock or the wire. Only documents {@code wanted} accepts
     * are encoded.
     */
    void forEachBson(Predicate<Map<String, Object>> wanted, Consumer<byte[]> action) {
        CommittingH2Backend.readingOneVersion(documents.getStore(), () -> {
            for (Document document : documents.values()) {
                if (!wanted.test(document)) {
                    continue;
                }
                byte[] bson = StoredDocumentType.encode(document);
                if (bson == null) {
                    throw new IllegalStateException("document " + document.get("_id") + " in " + getCollectionName()
                            + " holds a value BSON cannot carry");
                }
                action.accept(bson);
            }
            return null;
        });
    }

    @Override
    protected Object addDocumentInternal(Document document) {
        Object position = super.addDocumentInternal(document);
        add(document, 1);
        return position;
    }

    @Override
    protected void handleUpdate(Object position, Document oldDocument, Document newDocument) {
        super.handleUpdate(position, oldDocument, newDocument);
        add(oldDocument, -1);
        add(newDocument, 1);
    }

    @Override
    protected void removeDocument(Object position) {
        Document removed = documents.get(position);
        super.removeDocument(position);
        add(removed, -1);
    }

    private void add(Document document, long delta) {
        if (document == null || !meta.containsKey(TALLIED)) {
            return;
        }
        String key = PREFIX + versionOf(document);
        long now = (meta.get(key) instanceof Number n ? n.longValue() : 0) + delta;
        if (now == 0) {
            meta.remove(key);
        } else {
            meta.put(key, now);
        }
    }

    private Map<Integer, Long> readTally() {
        Map<Integer, Long> tally = new TreeMap<>();
        for (String key : meta.keySet()) {
            if (key.startsWith(PREFIX) && meta.get(key) instanceof Number n) {
                tally.put(Integer.parseInt(key.substring(PREFIX.length())), n.longValue());
            }
        }
        return tally;
    }

    private Map<Integer, Long> recount() {
        Map<Integer, Long> tally = new TreeMap<>();
        CommittingH2Backend.readingOneVersion(documents.getStore(), () -> {
            for (Document document : documents.values()) {
                tally.merge(versionOf(document), 1L, Long::sum);
            }
            return null;
        });
        meta.keySet().stream().filter(k -> k.startsWith(PREFIX)).toList().forEach(meta::remove);
        tally.forEach((version, count) -> meta.put(PREFIX + version, count));
        meta.put(TALLIED, Boolean.TRUE);
        return tally;
    }

    static int versionOf(Document document) {
        return document.get(VERSION_FIELD) instanceof Number n ? n.intValue() : 1;
    }
}

package io.taskvault.store;

import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.ObjectDataType;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.bson.Document;

/**
 * A non-unique (optionally compound, sparse or multikey) index of the embedded store: an MVMap in the data file whose
 * keys are {@link IndexEntry entries} ordered by the indexed values, then {@code _id}. The collection writes it in the
 * same operation as the document, so checkpoints hold both of one moment. {@link IndexedQuery} reads it.
 */
final class SecondaryIndex extends Index<Object> {

    private static final String MULTIKEY = "taskvault.multikey.";

    private final MVMap<IndexEntry, Object> entries;
    private final MVMap<String, Object> meta;
    private final int[] directions;
    private final boolean sparse;

    SecondaryIndex(String name, List<IndexKey> keys, boolean sparse, MVMap<IndexEntry, Object> entries,
                   MVMap<String, Object> meta) {
        super(name, keys, sparse);
        this.entries = entries;
        this.meta = meta;
        this.sparse = sparse;
        this.directions = keys.stream().mapToInt(key -> key.isAscending() ? 1 : -1).toArray();
    }

    /** Opens (or creates) the map of an index's entries in the data file. */
    static MVMap<IndexEntry, Object> openEntries(MVStore store, String mapName, List<IndexKey> keys) {
        return store.openMap(mapName, new MVMap.Builder<IndexEntry, Object>()
                .keyType(new IndexEntryType(keys.stream().mapToInt(key -> key.isAscending() ? 1 : -1).toArray()))
                .valueType(new ObjectDataType()));
    }

    List<String> fields() {
        return keys();
    }

    int direction(int key) {
        return directions[key];
    }

    boolean sparse() {
        return sparse;
    }

    /** Whether some document ever held an array (empty ones included) in an indexed field: one entry per element. */
    boolean multikey() {
        return Boolean.TRUE.equals(meta.get(MULTIKEY + getName()));
    }

    MVMap<IndexEntry, Object> entries() {
        return entries;
    }

    /** The entries between two probes, in index order or reversed. */
    Iterator<IndexEntry> between(IndexEntry low, IndexEntry high, boolean reverse) {
        Cursor<IndexEntry, Object> cursor = reverse ? entries.cursor(high, low, true) : entries.cursor(low, high, false);
        return cursor;
    }

    /** How many entries lie between two probes, without reading them. */
    long countBetween(IndexEntry low, IndexEntry high) {
        return insertionPoint(high) - insertionPoint(low);
    }

    private long insertionPoint(IndexEntry probe) {
        long index = entries.getKeyIndex(probe);
        return index < 0 ? -index - 1 : index;
    }

    /** The entries a document has in this index (none for a sparse index's document without any of its fields). */
    Set<IndexEntry> entriesOf(Document document, Object position) {
        Set<IndexEntry> result = new LinkedHashSet<>();
        if (sparse && keys().stream().allMatch(key -> Utils.getSubdocumentValueCollectionAware(document, key)
                instanceof Missing)) {
            return result;
        }
        for (KeyValue key : getKeyValues(document)) {
            result.add(new IndexEntry(key.stream().toArray(), position));
        }
        return result;
    }

    private boolean holdsArray(Document document) {
        return keys().stream().anyMatch(key -> Utils.getSubdocumentValueCollectionAware(document, key) instanceof Collection);
    }

    @Override
    public Object getPosition(Document document) {
        return null;
    }

    @Override
    public void checkAdd(Document document, MongoCollection<Object> collection) {
        getKeyValues(document);
    }

    @Override
    public void add(Document document, Object position, MongoCollection<Object> collection) {
        if (holdsArray(document) && !multikey()) {
            meta.put(MULTIKEY + getName(), Boolean.TRUE);
        }
        for (IndexEntry entry : entriesOf(document, position)) {
            entries.put(entry, Boolean.TRUE);
        }
    }

    @Override
    public Object remove(Document document) {
        Object position = Missing.ofNullable(document.get("_id"));
        for (IndexEntry entry : entriesOf(document, position)) {
            entries.remove(entry);
        }
        return position;
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Object> collection) {
        getKeyValues(newDocument);
    }

    @Override
    public void updateInPlace(Document oldDocument, Document newDocument, Object position,
                              MongoCollection<Object> collection) {
        Set<IndexEntry> before = entriesOf(oldDocument, position);
        Set<IndexEntry> after = entriesOf(newDocument, position);
        if (before.equals(after)) {
            return;
        }
        for (IndexEntry entry : before) {
            if (!after.contains(entry)) {
                entries.remove(entry);
            }
        }
        if (holdsArray(newDocument) && !multikey()) {
            meta.put(MULTIKEY + getName(), Boolean.TRUE);
        }
        for (IndexEntry entry : after) {
            if (!before.contains(entry)) {
                entries.put(entry, Boolean.TRUE);
            }
        }
    }

    //why: the engine's own planner asks every index; this one is read by IndexedQuery instead
    @Override
    public boolean canHandle(Document query) {
        return false;
    }

    @Override
    public Iterable<Object> getPositions(Document query) {
        throw new UnsupportedOperationException("SecondaryIndex is read through IndexedQuery");
    }

    @Override
    public long getCount() {
        return entries.sizeAsLong();
    }

    @Override
    public boolean isEmpty() {
        return entries.isEmpty();
    }

    @Override
    public long getDataSize() {
        return getCount();
    }

    @Override
    public void drop() {
        meta.remove(MULTIKEY + getName());
    }

    /**
     * Makes the entries match the documents: adds the missing, removes those of no document or of values the
     * document no longer holds. Returns how many entries changed.
     */
    int repair(MVMap<Object, Document> documents) {
        int repaired = 0;
        for (Map.Entry<Object, Document> document : documents.entrySet()) {
            if (holdsArray(document.getValue()) && !multikey()) {
                meta.put(MULTIKEY + getName(), Boolean.TRUE);
            }
            for (IndexEntry entry : entriesOf(document.getValue(), document.getKey())) {
                if (entries.putIfAbsent(entry, Boolean.TRUE) == null) {
                    repaired++;
                }
            }
        }
        for (Iterator<IndexEntry> it = entries.keyIterator(null); it.hasNext(); ) {
            IndexEntry entry = it.next();
            Document document = documents.get(entry.position);
            if (document == null || !entriesOf(document, entry.position).contains(entry)) {
                entries.remove(entry);
                repaired++;
            }
        }
        return repaired;
    }
}

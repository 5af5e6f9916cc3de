package io.taskvault.store;

import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.Spliterators;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.h2.mvstore.MVMap;

import com.google.common.collect.Iterators;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;

/**
 * An H2 collection that answers queries from its {@link SecondaryIndex secondary indexes} when one serves the
 * filter or the sort ({@link IndexedQuery}), and counts from them when they decide alone. Sorted results, indexed or
 * scanned, break ties by {@code _id}, so both ways give the same order.
 */
class IndexedH2Collection extends H2Collection {

    /** Suffix of the ordered copy a compound unique index gets (the engine's unique index only finds exact keys). */
    static final String ORDERED = "~ordered";

    /** The filter given to the engine for documents already matched: the empty one, which every document meets. */
    private static final Document MATCHED = new Document();

    private final MVMap<Object, Document> documents;
    private final MVMap<String, Object> meta;
    private volatile Rewritten lastRewritten;
    //why: guarded by the collection's lock: set and read only inside its synchronized reads and writes
    private boolean updating;
    private long indexedReads;
    private long indexedCounts;
    //why: it remembers filters count() already rewrote, and matches them against every written document: through
    //    documentMatchesQuery, each would be rewritten again on each write, as they alternate with the last query
    private final ScannedCounts scannedCounts = new ScannedCounts(this::matchesRewritten);

    IndexedH2Collection(MongoDatabase database, String name, CollectionOptions options,
                        MVMap<Object, Document> documents, MVMap<String, Object> meta, CursorRegistry cursors) {
        super(database, name, options, documents, meta, cursors);
        this.documents = documents;
        this.meta = meta;
    }

    /**
     * Adds an index; a compound unique one also gets an ordered {@link SecondaryIndex} over the same keys, so that
     * queries on its leading keys (a task's history by {@code taskId}, in {@code seq} order) read it too.
     */
    @Override
    public void addIndex(Index<Object> index) {
        super.addIndex(index);
        String ordered = index.getName() + ORDERED;
        if (index.isUnique() && index.getKeys().size() > 1 && !index.getKeys().get(0).getKey().equals("_id")
                && getIndexes().stream().noneMatch(existing -> existing.getName().equals(ordered))) {
            String mapName = getFullName() + "._index_" + ordered;
            addIndex(new SecondaryIndex(ordered, index.getKeys(),
                    Boolean.TRUE.equals(index.toIndexDescription().get("sparse")),
                    SecondaryIndex.openEntries(documents.getStore(), mapName, index.getKeys()), meta));
        }
    }

    @Override
    public void dropIndex(String indexName) {
        super.dropIndex(indexName);
        String ordered = indexName + ORDERED;
        if (getIndexes().stream().anyMatch(existing -> existing.getName().equals(ordered))) {
            super.dropIndex(ordered);
            documents.getStore().removeMap(getFullName() + "._index_" + ordered);
        }
    }

    List<SecondaryIndex> secondaryIndexes() {
        return getIndexes().stream().filter(SecondaryIndex.class::isInstance).map(SecondaryIndex.class::cast).toList();
    }

    /** The plan a query would be read with, if an index serves it (for tests and diagnostics). */
    Optional<IndexedQuery> planFor(Document filter, Document orderBy) {
        return natural(orderBy) ? Optional.empty() : IndexedQuery.plan(secondaryIndexes(), filter, orderBy);
    }

    @Override
    public synchronized Document updateDocuments(Document selector, Document update, ArrayFilters arrayFilters,
                                                 boolean multi, boolean upsert, Oplog oplog) {
        return updatingCopies(() -> super.updateDocuments(selector, update, arrayFilters, multi, upsert, oplog));
    }

    @Override
    public synchronized Document findAndModify(Document query) {
        return updatingCopies(() -> super.findAndModify(query));
    }

    /**
     * Runs an update on copies of the documents it matches, which then replace them.
     * //why: the engine changes the stored document itself, field by field, and answers reads with the stored
     *     documents, encoded after the collection's lock is released: a reader saw half an update, and a counter's
     *     findAndModify answered two callers with the same value
     */
    private Document updatingCopies(Supplier<Document> update) {
        updating = true;
        try {
            return update.get();
        } finally {
            updating = false;
        }
    }

    @Override
    protected QueryResult queryDocuments(Document filter, Document orderBy, int skip, int limit, int batchSize,
                                         Document fieldSelector) {
        QueryResult found = find(filter, orderBy, skip, limit, batchSize, fieldSelector);
        return updating ? new QueryResult(() -> Iterators.transform(found.iterator(), Document::cloneDeeply),
                found.getCursorId()) : found;
    }

    private QueryResult find(Document filter, Document orderBy, int skip, int limit, int batchSize,
                             Document fieldSelector) {
        Document query = NullBounds.rewrite(filter);
        if (natural(orderBy)) {
            return super.queryDocuments(query, orderBy, skip, limit, batchSize, fieldSelector);
        }
        //why: the map is keyed by the collection's id field, which is _id everywhere but in system collections
        Optional<List<Document>> idPage = !"_id".equals(getIdField()) ? Optional.empty()
                : IdOrderPages.read(documents, query, orderBy, skip, limit,
                        document -> documentMatchesQuery(document, query))
                .or(() -> IdOrderPages.readOtherTypes(documents, query, orderBy, skip, limit));
        if (idPage.isPresent()) {
            indexedReads++;
            return matchDocumentsFromStream(MATCHED, idPage.get().stream(), 0, 0, batchSize, null, fieldSelector);
        }
        for (Index<Object> index : getIndexes()) {
            if (!(index instanceof SecondaryIndex) && index.canHandle(query)) {
                Stream<Document> found = StreamSupport.stream(index.getPositions(query).spliterator(), false)
                        .map(this::getDocument);
                return matchSorted(query, found, orderBy, skip, limit, batchSize, fieldSelector);
            }
        }
        Optional<IndexedQuery> plan = IndexedQuery.plan(secondaryIndexes(), query, orderBy);
        if (plan.isEmpty()) {
            return matchDocuments(query, orderBy, skip, limit, batchSize, fieldSelector);
        }
        indexedReads++;
        Iterator<Object> positions = positions(plan.get());
        int toSkip = skip;
        if (plan.get().sortServed() && plan.get().exact()) {
            //why: every entry is a result, so skipped ones need not be read
            for (; toSkip > 0 && positions.hasNext(); toSkip--) {
                positions.next();
            }
        }
        Stream<Document> found = StreamSupport.stream(Spliterators.spliteratorUnknownSize(positions, 0), false)
                .map(this::getDocument).filter(Objects::nonNull);
        return plan.get().sortServed() ? matchDocumentsFromStream(query, found, toSkip, limit, batchSize, null, fieldSelector)
                : matchSorted(query, found, orderBy, toSkip, limit, batchSize, fieldSelector);
    }

    @Override
    protected QueryResult matchDocuments(Document query, Document orderBy, int skip, int limit, int batchSize,
                                         Document fieldSelector) {
        if (natural(orderBy) || orderBy == null || orderBy.isEmpty()) {
            return super.matchDocuments(query, orderBy, skip, limit, batchSize, fieldSelector);
        }
        return matchSorted(query, documents.values().stream(), orderBy, skip, limit, batchSize, fieldSelector);
    }

    /**
     * Matches, then sorts as {@link IndexedQuery#resultOrder} does, each document's sort values read once.
     * //why: the engine's comparator looks every sort path up again on each comparison, most of a sorted scan's time
     */
    private QueryResult matchSorted(Document query, Stream<Document> candidates, Document orderBy, int skip, int limit,
                                    int batchSize, Document fieldSelector) {
        if (natural(orderBy) || orderBy == null || orderBy.isEmpty()) {
            return matchDocumentsFromStream(query, candidates, skip, limit, batchSize, null, fieldSelector);
        }
        List<String> keys = List.copyOf(orderBy.keySet());
        Comparator<Object[]> order = IndexedQuery.sortValuesOrder(orderBy);
        Stream<Object[]> matched = candidates.filter(Objects::nonNull).filter(document -> documentMatchesQuery(document, query))
                .map(document -> IndexedQuery.sortValues(document, keys));
        Stream<Document> sorted = (limit > 0 ? TopK.first(matched, order, (long) Math.max(0, skip) + limit) : matched.sorted(order))
                .map(values -> (Document) values[values.length - 1]);
        //why: every document here already matched; the engine would match each again on its way out
        return matchDocumentsFromStream(MATCHED, sorted, skip, limit, batchSize, null, fieldSelector);
    }

    @Override
    public synchronized int count(Document filter, int skip, int limit) {
        Document query = NullBounds.rewrite(filter);
        Optional<IndexedQuery> plan = query == null || query.isEmpty() ? Optional.empty()
                : IndexedQuery.plan(secondaryIndexes(), query, null).filter(IndexedQuery::exact);
        if (plan.isEmpty()) {
            return query == null || query.isEmpty() || skip > 0 || limit > 0 ? super.count(query, skip, limit)
                    : scannedCounts.count(query, () -> super.count(query, 0, 0));
        }
        indexedCounts++;
        long count = Math.max(0, plan.get().count() - Math.max(0, skip));
        return (int) (limit > 0 ? Math.min(limit, count) : count);
    }

    /** Matches as MongoDB does where the engine differs ({@link NullBounds}); the filter is rewritten once per query. */
    @Override
    protected boolean documentMatchesQuery(Document document, Document query) {
        Rewritten last = lastRewritten;
        if (last == null || last.filter != query) {
            last = new Rewritten(query, NullBounds.rewrite(query));
            lastRewritten = last;
        }
        return super.documentMatchesQuery(document, last.rewritten);
    }

    private boolean matchesRewritten(Document document, Document rewritten) {
        return super.documentMatchesQuery(document, rewritten);
    }

    private record Rewritten(Document filter, Document rewritten) {
    }

    //why: the engine calls these three for every document written, under the collection's lock, as count runs
    @Override
    protected Object addDocumentInternal(Document document) {
        Object position = super.addDocumentInternal(document);
        scannedCounts.written(null, document);
        return position;
    }

    @Override
    protected void handleUpdate(Object position, Document oldDocument, Document newDocument) {
        super.handleUpdate(position, oldDocument, newDocument);
        scannedCounts.written(oldDocument, newDocument);
    }

    @Override
    protected void removeDocument(Object position) {
        Document removed = scannedCounts.isEmpty() ? null : documents.get(position);
        super.removeDocument(position);
        scannedCounts.written(removed, null);
    }

    /** How many counts were answered from {@link ScannedCounts} without matching every document, for tests. */
    long countsWithoutScan() {
        return scannedCounts.answeredWithoutScan();
    }

    /** How many queries and counts the secondary indexes served, for tests. */
    long[] indexedReadsAndCounts() {
        return new long[] {indexedReads, indexedCounts};
    }

    private static Iterator<Object> positions(IndexedQuery plan) {
        Iterator<IndexEntry> entries = plan.entries();
        Set<Object> seen = plan.multikey() ? new HashSet<>() : Collections.emptySet();
        return new Iterator<>() {
            private Object next = advance();

            private Object advance() {
                while (entries.hasNext()) {
                    Object position = entries.next().position;
                    if (!plan.multikey() || seen.add(position)) {
                        return position;
                    }
                }
                return null;
            }

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public Object next() {
                Object current = next;
                next = advance();
                return current;
            }
        };
    }

    private static boolean natural(Document orderBy) {
        return orderBy != null && !orderBy.isEmpty() && orderBy.keySet().iterator().next().equals("$natural");
    }

}

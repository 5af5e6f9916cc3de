package io.taskvault.store;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;

/**
 * The H2 MVStore backend with commits taken out of its hands: a write command is acknowledged only after it
 * is in the write-ahead log, and commits happen only between writes, so even SIGKILL loses nothing acknowledged.
 */
final class CommittingH2Backend extends H2Backend {

    private static final Set<String> WRITE_COMMANDS = Set.of("insert", "update", "delete", "findandmodify",
            "createindexes", "dropindexes", "deleteindexes", "drop", "dropdatabase", "create", "renamecollection",
            "aggregate", "mapreduce");

    private GroupCommitter committer;
    private final WriteListener listener;
    private final MVStore store;

    CommittingH2Backend(MVStore store, WriteListener listener) {
        super(store);
        this.store = store;
        this.listener = listener;
    }

    void commitThrough(GroupCommitter groupCommitter) {
        this.committer = groupCommitter;
    }

    /** Runs a logged command again, straight on the engine (it is already in the log being replayed). */
    void replay(WriteAheadLog.Entry entry, Channel channel) {
        super.handleCommand(channel, entry.database(), entry.command(), entry.query());
    }

    /** Like MongoDB's first batch: without it the engine answers a scan with every document in one reply. */
    static final int DEFAULT_BATCH = 101;

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        String name = command.toLowerCase(Locale.ROOT);
        //why: the driver refuses replies over 48 MB, which a whole-collection find reaches at about 30,000 tasks
        if ((name.equals("find") || name.equals("getmore")) && !query.containsKey("batchSize")) {
            query.put("batchSize", DEFAULT_BATCH);
        } else if (name.equals("aggregate") && query.get("cursor") instanceof Document cursor
                && !cursor.containsKey("batchSize")) {
            cursor.put("batchSize", DEFAULT_BATCH);
        }
        if (!writes(name, query)) {
            return readingOneVersion(store, () -> CountingPipeline.of(name, query)
                    .flatMap(count -> count.answer(database, query.get(command), this::tallied))
                    .orElseGet(() -> super.handleCommand(channel, database, command, query)));
        }
        Document reply = committer.write(database, command, query,
                () -> super.handleCommand(channel, database, command, query));
        Object collection = query.get(command);
        listener.written(collection instanceof String written ? written : null, WrittenIds.of(command, query));
        return reply;
    }

    /**
     * Runs a read with the store version it reads registered, so that version's chunks stay until the read ends.
     * //why: a read sees one version of the pages, and a pass over millions of documents takes minutes; checkpoints free
     * //    chunks meanwhile, and one freed longer ago than the retention time was dropped under the reader ("Chunk 267
     * //    not found" at 420,000 tasks, "Chunk 1538" in the tally's first count at 1,000,000)
     */
    static <T> T readingOneVersion(MVStore store, java.util.function.Supplier<T> read) {
        MVStore.TxCounter reading = store.registerVersionUsage();
        try {
            return read.get();
        } finally {
            store.deregisterVersionUsage(reading);
        }
    }

    //why: an aggregation writes only through $out or $merge; logged and announced as a write that may touch any
    //    document, every countDocuments (an aggregation) made the list index rebuild (a minute at 1,000,000 tasks)
    private static boolean writes(String name, Document query) {
        if (name.equals("aggregate")) {
            return !(query.get("pipeline") instanceof List<?> stages) || stages.stream().anyMatch(
                    stage -> !(stage instanceof Document d) || d.containsKey("$out") || d.containsKey("$merge"));
        }
        return WRITE_COMMANDS.contains(name);
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new TypedH2Database(databaseName);
    }

    /**
     * Opens each collection's and index's map with taskvault's key and value types before the engine asks for it
     * (the engine's own openMap then finds it open): documents stored as BSON, index keys compared cheaply.
     */
    private final class TypedH2Database extends H2Database {

        //why: no initializers: H2Database's constructor, which opens every stored collection and index, runs first
        private Set<Index<Object>> storedIndexes;
        private boolean opened;

        //why: an inner class, so the overrides below can reach the store while H2Database's constructor calls them
        TypedH2Database(String databaseName) {
            super(databaseName, getMvStore(), getCursorRegistry());
            opened = true;
        }

        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                        boolean sparse) {
            String mapName = getFullCollectionNamespace(collectionName) + "._index_" + indexName;
            boolean stored = getMvStore().hasMap(mapName);
            openTyped(mapName);
            Index<Object> index = super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse);
            if (stored && !opened) {
                if (storedIndexes == null) {
                    storedIndexes = Collections.newSetFromMap(new IdentityHashMap<>());
                }
                storedIndexes.add(index);
            }
            return index;
        }

        @Override
        protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                           boolean sparse) {
            String namespace = getFullCollectionNamespace(collectionName);
            String mapName = namespace + "._index_" + indexName;
            boolean stored = getMvStore().hasMap(mapName);
            MVMap<IndexEntry, Object> entries = SecondaryIndex.openEntries(getMvStore(), mapName, keys);
            Index<Object> index = new SecondaryIndex(indexName, keys, sparse, entries,
                    getMvStore().openMap("meta." + namespace));
            if (stored && !opened) {
                if (storedIndexes == null) {
                    storedIndexes = Collections.newSetFromMap(new IdentityHashMap<>());
                }
                storedIndexes.add(index);
            }
            return index;
        }

        /** Whether the database is being opened and this index's entries come from the file, complete. */
        private boolean openedFromFile(Index<Object> index) {
            return !opened && storedIndexes != null && storedIndexes.contains(index);
        }

        //why: as H2Database does it (its map names "databases." and "meta." + namespace), with the tallying class
        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            String namespace = getFullCollectionNamespace(collectionName);
            openTyped("databases." + namespace);
            MVStore mvStore = getMvStore();
            return new TallyingH2Collection(this, collectionName, options, mvStore.openMap("databases." + namespace),
                    mvStore.openMap("meta." + namespace), getCursorRegistry(), this::openedFromFile);
        }

        private void openTyped(String mapName) {
            getMvStore().openMap(mapName, new MVMap.Builder<Object, Object>().keyType(new IndexKeyType())
                    .valueType(new StoredDocumentType()));
        }
    }

    /** The documents per schema version of a collection, from its tally; empty when the collection does not exist. */
    Map<Integer, Long> schemaVersions(String database, String collection) {
        return tallied(database, collection).map(TallyingH2Collection::schemaVersions).orElse(Map.of());
    }

    /** Every document of a collection as BSON, a snapshot read in this process; none when there is no such collection. */
    void forEachBson(String database, String collection, java.util.function.Predicate<java.util.Map<String, Object>> wanted,
                     java.util.function.Consumer<byte[]> action) {
        tallied(database, collection).ifPresent(found -> found.forEachBson(wanted, action));
    }

    private java.util.Optional<TallyingH2Collection> tallied(String database, String collection) {
        return resolveDatabase(database).resolveCollection(collection, false) instanceof TallyingH2Collection found
                ? java.util.Optional.of(found) : java.util.Optional.empty();
    }

    //why: H2Backend.close() commits and closes the MVStore; the store's owner does that, after the last checkpoint
    @Override
    public void close() {
    }

    /** Told about every logged write, whichever process sent it (caches use it to stay fresh). */
    @FunctionalInterface
    interface WriteListener {
        /** {@code ids} are the written documents' ids, or null when the write may have touched any document. */
        void written(String collection, java.util.Collection<Object> ids);
    }
}

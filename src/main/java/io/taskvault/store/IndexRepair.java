package io.taskvault.store;

import java.util.List;
import java.util.Map;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.AbstractMongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;

/**
 * Checks, when the store opens, that every document is reachable through every index of its collection
 * and that no index entry points at a missing document. A file written by the engine's own background
 * commit can hold a document without its {@code _id} entry: unreachable by id and impossible to re-insert.
 */
final class IndexRepair {

    private static final Logger log = LoggerFactory.getLogger(IndexRepair.class);
    private static final String DATA_PREFIX = "databases.";

    private IndexRepair() {
    }

    /** Repairs every collection of the store and returns how many index entries were added or removed. */
    static int repair(MVStore store, H2Backend backend) {
        int repaired = 0;
        List<String> dataMaps = store.getMapNames().stream().filter(name -> name.startsWith(DATA_PREFIX)).toList();
        for (String mapName : dataMaps) {
            String fullName = mapName.substring(DATA_PREFIX.length());
            int dot = fullName.indexOf('.');
            if (dot < 0) {
                continue;
            }
            String database = fullName.substring(0, dot);
            String collectionName = fullName.substring(dot + 1);
            MongoCollection<?> collection = backend.resolveDatabase(database).resolveCollection(collectionName, false);
            if (collection instanceof AbstractMongoCollection<?> indexed) {
                MVMap<Object, Document> data = store.openMap(mapName);
                repaired += repairCollection(store, fullName, indexed, data);
            }
        }
        return repaired;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int repairCollection(MVStore store, String fullName, AbstractMongoCollection<?> collection,
                                        MVMap<Object, Document> data) {
        int repaired = 0;
        for (Index index : collection.getIndexes()) {
            if (index instanceof SecondaryIndex secondary) {
                int fixed = secondary.repair(data);
                if (fixed > 0) {
                    log.warn("Repaired index {} of {}: {} entries added or removed", index.getName(), fullName, fixed);
                }
                repaired += fixed;
                continue;
            }
            MVMap<KeyValue, Object> entries = store.openMap(fullName + "._index_" + index.getName());
            boolean sparse = Boolean.TRUE.equals(index.toIndexDescription().get("sparse"));
            for (Map.Entry<Object, Document> document : sparse ? List.<Map.Entry<Object, Document>>of() : data.entrySet()) {
                for (KeyValue key : (Iterable<KeyValue>) index.getKeyValues(document.getValue())) {
                    if (!entries.containsKey(key)) {
                        entries.put(key, document.getKey());
                        repaired++;
                        log.warn("Repaired index {} of {}: document {} had no entry", index.getName(), fullName,
                                document.getKey());
                    }
                }
            }
            for (Map.Entry<KeyValue, Object> entry : List.copyOf(entries.entrySet())) {
                if (!data.containsKey(entry.getValue())) {
                    entries.remove(entry.getKey());
                    repaired++;
                    log.warn("Repaired index {} of {}: removed entry for missing document {}", index.getName(),
                            fullName, entry.getValue());
                }
            }
        }
        return repaired;
    }
}

package io.taskvault.store.schema;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.bson.Document;
import org.springframework.stereotype.Component;

import io.taskvault.store.SchemaUpgrader;

/**
 * The read-path upgrader: every raw document of a versioned collection passes through its collection's chain
 * before it is mapped. Replaces the no-op default.
 */
@Component
public class VersionedSchemaUpgrader implements SchemaUpgrader {

    /** The collections whose documents carry a schemaVersion, even those without steps yet. */
    public static final List<String> COLLECTIONS = List.of("tasks", "task_history", "task_outputs");

    private final Map<String, UpgradeChain> chains = new TreeMap<>();

    public VersionedSchemaUpgrader(List<UpgradeStep> steps) {
        for (String collection : COLLECTIONS) {
            chains.put(collection, new UpgradeChain(collection,
                    steps.stream().filter(s -> s.collection().equals(collection)).toList()));
        }
        steps.stream().filter(s -> !chains.containsKey(s.collection())).findFirst().ifPresent(s -> {
            throw new IllegalStateException("upgrade step " + s.getClass().getSimpleName() + " names collection "
                    + s.collection() + ", which is not one of " + COLLECTIONS);
        });
    }

    @Override
    public Document upgrade(String collection, Document raw) {
        UpgradeChain chain = chains.get(collection);
        return chain == null || raw == null ? raw : chain.upgrade(raw);
    }

    public UpgradeChain chain(String collection) {
        UpgradeChain chain = chains.get(collection);
        if (chain == null) {
            throw new IllegalArgumentException("collection " + collection + " is not versioned; versioned are "
                    + COLLECTIONS);
        }
        return chain;
    }

    public int newest(String collection) {
        return chain(collection).newest();
    }
}

package io.taskvault.store.schema;

import java.util.Comparator;
import java.util.List;

import org.bson.Document;

/** The ordered upgrade steps of one collection: version 1 → 2 → … → {@link #newest()}. */
public final class UpgradeChain {

    public static final String VERSION_FIELD = "schemaVersion";

    private final String collection;
    private final List<UpgradeStep> steps;

    UpgradeChain(String collection, List<UpgradeStep> steps) {
        this.collection = collection;
        this.steps = steps.stream().sorted(Comparator.comparingInt(UpgradeStep::from)).toList();
        for (int i = 0; i < this.steps.size(); i++) {
            if (this.steps.get(i).from() != i + 1) {
                throw new IllegalStateException("upgrade steps of " + collection + " must go 1→2→3… without gaps or "
                        + "duplicates, found a step from " + this.steps.get(i).from() + " at position " + (i + 1));
            }
        }
    }

    public String collection() {
        return collection;
    }

    /** The version this code writes and reads natively. */
    public int newest() {
        return steps.size() + 1;
    }

    /** A document's stored version: documents written before versions existed are version 1. */
    public static int versionOf(Document raw) {
        Object version = raw.get(VERSION_FIELD);
        return version instanceof Number n ? n.intValue() : 1;
    }

    public Document upgrade(Document raw) {
        int version = versionOf(raw);
        if (version > newest()) {
            throw new SchemaTooNewException(collection, raw.get("_id"), version, newest());
        }
        if (version < 1) {
            throw new IllegalArgumentException("document " + raw.get("_id") + " in " + collection
                    + " has schemaVersion " + version + ", versions start at 1");
        }
        Document current = raw;
        for (int v = version; v < newest(); v++) {
            current = steps.get(v - 1).apply(current);
            current.put(VERSION_FIELD, v + 1);
        }
        return current;
    }
}

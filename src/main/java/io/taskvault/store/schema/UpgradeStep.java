package io.taskvault.store.schema;

import org.bson.Document;

/** One small, pure upgrade of a raw document of one collection from version {@link #from()} to the next. */
public interface UpgradeStep {

    String collection();

    int from();

    /** The document in version {@code from() + 1}; may change {@code raw} in place. Must not touch the store. */
    Document apply(Document raw);
}

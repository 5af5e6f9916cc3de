package io.taskvault.store;

import org.bson.Document;

/**
 * Brings a raw document read from a collection up to the shape the running code knows, before it is mapped.
 * Every read of tasks, history events and outputs goes through {@link #upgrade}.
 */
public interface SchemaUpgrader {

    /** The document in the newest shape (the same instance may be changed in place and returned). */
    Document upgrade(String collection, Document raw);
}

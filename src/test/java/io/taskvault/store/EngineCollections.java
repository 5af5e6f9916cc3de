package io.taskvault.store;

import org.springframework.data.mongodb.core.MongoTemplate;

/** The embedded engine's own collection objects, for tests that look at its index plans and counters. */
final class EngineCollections {

    private EngineCollections() {
    }

    static IndexedH2Collection tasks(EmbeddedStore store, MongoTemplate mongo) {
        return (IndexedH2Collection) store.server().orElseThrow().backend()
                .resolveDatabase(mongo.getDb().getName()).resolveCollection("tasks", false);
    }
}

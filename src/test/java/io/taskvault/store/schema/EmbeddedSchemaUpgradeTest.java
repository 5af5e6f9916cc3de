package io.taskvault.store.schema;

import io.taskvault.support.EmbeddedStoreTest;

/** SchemaUpgrade contract on the embedded mongo-java-server (H2 MVStore) store. */
@EmbeddedStoreTest
class EmbeddedSchemaUpgradeTest extends SchemaUpgradeContract {
}

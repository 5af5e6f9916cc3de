package io.taskvault.store.schema;

import io.taskvault.support.EmbeddedStoreTest;

/** StartupUpgrade contract on the embedded mongo-java-server (H2 MVStore) store. */
@EmbeddedStoreTest
class EmbeddedStartupUpgradeTest extends StartupUpgradeContract {
}

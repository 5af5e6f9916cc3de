package io.taskvault.store.schema;

import io.taskvault.support.EmbeddedStoreTest;

/** ReadsDuringUpgrade contract on the embedded mongo-java-server (H2 MVStore) store. */
@EmbeddedStoreTest
class EmbeddedReadsDuringUpgradeTest extends ReadsDuringUpgradeContract {
}

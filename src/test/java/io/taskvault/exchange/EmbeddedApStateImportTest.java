package io.taskvault.exchange;

import io.taskvault.support.EmbeddedStoreTest;

/** ApStateImport contract on the embedded mongo-java-server (H2 MVStore) store. */
@EmbeddedStoreTest
class EmbeddedApStateImportTest extends ApStateImportContract {
}

package io.taskvault.exchange;

import io.taskvault.support.EmbeddedStoreTest;

/** StateDirectoryImport contract on the embedded mongo-java-server (H2 MVStore) store. */
@EmbeddedStoreTest
class EmbeddedStateDirectoryImportTest extends StateDirectoryImportContract {
}

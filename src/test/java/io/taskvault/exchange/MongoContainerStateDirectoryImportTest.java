package io.taskvault.exchange;

import io.taskvault.store.schema.MongoContainerStoreTest;

/** StateDirectoryImport contract on a real MongoDB (Testcontainers), where a Docker engine is present. */
@MongoContainerStoreTest
class MongoContainerStateDirectoryImportTest extends StateDirectoryImportContract {
}

package io.taskvault.exchange;

import io.taskvault.store.schema.MongoContainerStoreTest;

/** ApStateImport contract on a real MongoDB (Testcontainers), where a Docker engine is present. */
@MongoContainerStoreTest
class MongoContainerApStateImportTest extends ApStateImportContract {
}

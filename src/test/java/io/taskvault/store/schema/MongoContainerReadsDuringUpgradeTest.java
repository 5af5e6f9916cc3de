package io.taskvault.store.schema;


/** ReadsDuringUpgrade contract on a real MongoDB (Testcontainers), where a Docker engine is present. */
@MongoContainerStoreTest
class MongoContainerReadsDuringUpgradeTest extends ReadsDuringUpgradeContract {
}

package io.taskvault.store.schema;


/** StartupUpgrade contract on a real MongoDB (Testcontainers), where a Docker engine is present. */
@MongoContainerStoreTest
class MongoContainerStartupUpgradeTest extends StartupUpgradeContract {
}

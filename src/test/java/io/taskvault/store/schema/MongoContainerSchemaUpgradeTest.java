package io.taskvault.store.schema;


/** SchemaUpgrade contract on a real MongoDB (Testcontainers), where a Docker engine is present. */
@MongoContainerStoreTest
class MongoContainerSchemaUpgradeTest extends SchemaUpgradeContract {
}

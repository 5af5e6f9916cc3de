package io.taskvault.exchange;

import io.taskvault.store.schema.MongoContainerStoreTest;

/** ExchangeDoors contract on a real MongoDB (Testcontainers), where a Docker engine is present. */
@MongoContainerStoreTest
class MongoContainerExchangeDoorsTest extends ExchangeDoorsContract {
}

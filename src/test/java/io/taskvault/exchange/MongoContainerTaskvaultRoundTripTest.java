package io.taskvault.exchange;

import io.taskvault.store.schema.MongoContainerStoreTest;

/** TaskvaultRoundTrip contract on a real MongoDB (Testcontainers), where a Docker engine is present. */
@MongoContainerStoreTest
class MongoContainerTaskvaultRoundTripTest extends TaskvaultRoundTripContract {
}

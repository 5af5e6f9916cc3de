package io.taskvault.exchange;

import io.taskvault.support.EmbeddedStoreTest;

/** TaskvaultRoundTrip contract on the embedded mongo-java-server (H2 MVStore) store. */
@EmbeddedStoreTest
class EmbeddedTaskvaultRoundTripTest extends TaskvaultRoundTripContract {
}

package io.taskvault.exchange;

import io.taskvault.support.EmbeddedStoreTest;

/** ExchangeDoors contract on the embedded mongo-java-server (H2 MVStore) store. */
@EmbeddedStoreTest
class EmbeddedExchangeDoorsTest extends ExchangeDoorsContract {
}

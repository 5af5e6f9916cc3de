package io.taskvault.task;

import io.taskvault.support.EmbeddedStoreTest;

/** The statistics' counters on the embedded mongo-java-server (H2 MVStore) store. */
@EmbeddedStoreTest
class EmbeddedStatisticsCountersTest extends StatisticsCountersContract {
}

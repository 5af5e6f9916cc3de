package io.taskvault.exchange;

import org.springframework.test.context.TestPropertySource;

import io.taskvault.support.EmbeddedStoreTest;

/**
 * TaskvaultRoundTrip contract on the embedded store with every collection exported by id ranges (as large ones
 * are), so no document of any id type falls between the ranges.
 */
@EmbeddedStoreTest
@TestPropertySource(properties = "taskvault.export.partition-above=0")
class EmbeddedPartitionedExportRoundTripTest extends TaskvaultRoundTripContract {
}

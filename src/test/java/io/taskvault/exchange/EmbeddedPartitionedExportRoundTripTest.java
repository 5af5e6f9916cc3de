package io.taskvault.exchange;

import java.time.Clock;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

import io.taskvault.support.EmbeddedStoreTest;

/**
 * TaskvaultRoundTrip contract on the embedded store with every collection exported in pages of three ids (as large
 * ones are read, in pages of 10,000), so no document of any id type falls between the pages.
 */
@EmbeddedStoreTest
class EmbeddedPartitionedExportRoundTripTest extends TaskvaultRoundTripContract {

    @Autowired
    Clock clock;

    //why: an export built here with taskvault.export.partition-above=0 instead of that property on the test, which
    //    would start an application of its own for this one class
    @BeforeEach
    void exportEveryCollectionInPages() {
        export = new TaskvaultExport(mongo, clock, new io.taskvault.exchange.ExportProperties(0), 3);
    }
}

package io.taskvault.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;

class StorePropertiesTest {

    private static final long MB = 1 << 20;

    @Test
    void anUnsetCacheIsAQuarterOfTheHeapWithinSixteenMegabytesAndOneGigabyte() {
        assertThat(withCache(0).effectiveCacheSizeMb(1536 * MB)).isEqualTo(384);
        assertThat(withCache(0).effectiveCacheSizeMb(6144 * MB)).isEqualTo(1024);
        assertThat(withCache(0).effectiveCacheSizeMb(32 * MB)).isEqualTo(16);
    }

    @Test
    void aConfiguredCacheIsTakenAsGiven() {
        assertThat(withCache(2048).effectiveCacheSizeMb(1536 * MB)).isEqualTo(2048);
        assertThat(withCache(100).effectiveCacheSizeMb(6144 * MB)).isEqualTo(100);
    }

    private static StoreProperties withCache(int mb) {
        return new StoreProperties(Path.of("target/unused.mv"), "127.0.0.1", 0, mb, false, "taskvault",
                Duration.ofSeconds(10), Duration.ofSeconds(1), false, StoreProperties.Compression.FAST);
    }
}

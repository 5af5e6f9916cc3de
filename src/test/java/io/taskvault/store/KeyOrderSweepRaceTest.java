package io.taskvault.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The full compaction reads the file's layout between its held steps, while checkpoints commit, and with no retention
 * time and no kept versions a commit frees at once every chunk only older versions used.
 */
class KeyOrderSweepRaceTest {

    @TempDir
    Path folder;

    @Test
    void readingTheLayoutWhileCommitsFreeChunksFindsEveryChunkItReads() throws Exception {
        try (MVStore store = new MVStore.Builder().fileName(folder.resolve("race.mv").toString()).cacheSize(0)
                .autoCommitDisabled().open()) {
            MVMap<Integer, String> map = store.openMap("data");
            //why: thousands of chunks make a layout of many pages, read from the file as the reader walks it
            for (int i = 0; i < 3_000; i++) {
                map.put(i, "v".repeat(200) + i);
                store.commit();
            }
            store.setRetentionTime(0);
            store.setVersionsToKeep(0);
            AtomicBoolean stop = new AtomicBoolean();
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                for (int round = 0; !stop.get(); round++) {
                    map.put(round % 3_000, "w".repeat(200) + round);
                    store.commit();
                }
            });
            try {
                KeyOrderSweep sweep = new KeyOrderSweep(store);
                long seen = 0;
                for (int read = 0; read < 300 && !writer.isDone(); read++) {
                    seen = Math.max(seen, sweep.liveIn(chunk -> true));
                    sweep.sparseChunks(95);
                    sweep.liveBlocks();
                }
                assertThat(seen).isPositive();
            } finally {
                stop.set(true);
                writer.get();
            }
            //why: a reader that lets go of its version while a commit holds the store's lock leaves the oldest version
            //    to keep behind until the next commit that writes something; MVStore asserts at close that it caught up
            map.put(-1, "settled");
            store.commit();
        }
    }
}

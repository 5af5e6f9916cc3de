package io.taskvault.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full compaction cuts the file down to its live chunks even when the only pages left at its end are MVStore's own:
 * leaves of the file layout that hold the entries of chunks nothing changes any more.
 */
class CompactionEndOfFileTest {

    @TempDir
    Path folder;

    @Test
    void theEndIsCutOffWhenOnlyTheLayoutsOwnLeavesAreLeftThere() {
        try (MVStore store = open("end.mv")) {
            MVMap<Integer, String> kept = store.openMap("kept");
            int chunks = 60;
            int keysPerChunk = 1_500;
            for (int chunk = 0; chunk < chunks; chunk++) {
                for (int i = 0; i < keysPerChunk; i++) {
                    kept.put(chunk * keysPerChunk + i, "k".repeat(100));
                }
                store.commit();
            }
            MVMap<Integer, String> filler = store.openMap("filler");
            for (int commit = 0; commit < 40; commit++) {
                for (int i = 0; i < 2_000; i++) {
                    filler.put(commit * 2_000 + i, "f".repeat(200));
                }
                store.commit();
            }
            //why: one key of every kept chunk written again, so each of them changes its layout entry once, late,
            //    while staying too full for the sweep to touch again
            for (int chunk = 0; chunk < chunks; chunk++) {
                kept.put(chunk * keysPerChunk, "late");
                store.commit();
            }
            filler.clear();
            store.commit();
            long before = store.getFileStore().size();

            Compaction compaction = compactionCommittingEachStep(store);
            compaction.fully(System.nanoTime() + 60_000_000_000L);

            long packed = new KeyOrderSweep(store).liveBlocks() * 4096;
            assertThat(store.getFileStore().size()).isLessThan(before / 2).isLessThan(packed + packed / 4);
            assertThat(compaction.unfinished()).as("a compaction that cut the file down is done").isFalse();
            assertThat(kept.get(0)).isEqualTo("late");
            assertThat(kept.get(1)).isEqualTo("k".repeat(100));
            assertThat(kept.size()).isEqualTo(chunks * keysPerChunk);
        }
    }
    @Test
    void aFullCompactionCutShortByItsLimitGoesOnInQuietMomentsUntilItFinishes() {
        try (MVStore store = open("pieces.mv")) {
            MVMap<Integer, String> kept = store.openMap("kept");
            MVMap<Integer, String> dropped = store.openMap("dropped");
            for (int chunk = 0; chunk < 40; chunk++) {
                for (int i = 0; i < 1_000; i++) {
                    kept.put(chunk * 1_000 + i, "k".repeat(100));
                    dropped.put(chunk * 1_000 + i, "d".repeat(300));
                }
                store.commit();
            }
            dropped.clear();
            store.commit();
            long before = store.getFileStore().size();
            Compaction compaction = compactionCommittingEachStep(store);

            compaction.fully(System.nanoTime());
            assertThat(compaction.unfinished()).as("its time was up at once").isTrue();
            compaction.behindWrites(false, true, System.nanoTime() + 1_000_000_000L);
            assertThat(compaction.unfinished()).as("a busy moment leaves it for a quiet one").isTrue();
            for (int piece = 0; piece < 10 && compaction.unfinished(); piece++) {
                compaction.behindWrites(true, true, System.nanoTime() + 1_000_000_000L);
            }

            assertThat(compaction.unfinished()).isFalse();
            long packed = new KeyOrderSweep(store).liveBlocks() * 4096;
            assertThat(store.getFileStore().size()).isLessThan(before / 2).isLessThan(packed + packed / 4);
            assertThat(kept.size()).isEqualTo(40_000);
            assertThat(kept.get(39_999)).isEqualTo("k".repeat(100));
        }
    }

    private MVStore open(String name) {
        MVStore store = new MVStore.Builder().fileName(folder.resolve(name).toString()).autoCommitDisabled()
                .keysPerPage(8).open();
        store.setRetentionTime(0);
        return store;
    }

    private static Compaction compactionCommittingEachStep(MVStore store) {
        return new Compaction(store, work -> {
            long start = System.nanoTime();
            work.run();
            store.commit();
            return System.nanoTime() - start;
        });
    }
}

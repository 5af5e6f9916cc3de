package io.taskvault.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.function.IntPredicate;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sweep rewrites the leaves of sparse chunks in key order, a bounded run at a time, and leaves the data as it was. */
class KeyOrderSweepTest {

    @TempDir
    Path folder;

    @Test
    void runsGoThroughTheSparseChunksInKeyOrderUntilTheyHoldNothingAndChangeNoValue() {
        try (MVStore store = open()) {
            TreeMap<Integer, String> expected = fill(store);
            MVMap<Integer, String> first = store.openMap("first");
            KeyOrderSweep sweep = new KeyOrderSweep(store);
            IntPredicate sparse = sweep.sparseChunks(90);
            long liveBefore = sweep.liveIn(sparse);

            List<Integer> rewritten = new ArrayList<>();
            int runs = 0;
            for (KeyOrderSweep.Run run = sweep.next(sparse, 8 << 10); !run.isEmpty() && sweep.passes() == 0;
                 run = sweep.next(sparse, 8 << 10)) {
                for (int i = 0; i < run.keys().size(); i++) {
                    if (run.maps().get(i) == (Object) first) {
                        rewritten.add((Integer) run.keys().get(i));
                    }
                }
                assertThat(run.rewrite(Long.MAX_VALUE)).as("leaves copied without a deadline").isEqualTo(run.keys().size());
                store.commit();
                runs++;
            }

            assertThat(liveBefore).as("live data in the sparse chunks before").isPositive();
            assertThat(runs).as("bounded runs").isGreaterThan(2);
            assertThat(rewritten).as("the first map's leaves, in key order").isSorted().doesNotHaveDuplicates();
            //why: MVStore's own metadata (map names, the chunks' layout) is not the sweep's to move
            assertThat(sweep.liveIn(sparse)).as("live data left in the sparse chunks").isLessThan(liveBefore / 20);
            assertThat(new TreeMap<>(first)).isEqualTo(expected);
            assertThat(store.<Integer, String>openMap("second")).hasSize(4_000)
                    .containsEntry(3_999, "b".repeat(100) + 3_999);
        }
    }

    @Test
    void aRunCutShortByItsDeadlineGivesTheRestBackAndTheSweepStillPassesEveryLeafOnce() {
        try (MVStore store = open()) {
            TreeMap<Integer, String> expected = fill(store);
            MVMap<Integer, String> first = store.openMap("first");
            KeyOrderSweep sweep = new KeyOrderSweep(store);
            IntPredicate sparse = sweep.sparseChunks(90);
            long liveBefore = sweep.liveIn(sparse);

            List<Integer> copied = new ArrayList<>();
            int cutShort = 0;
            for (KeyOrderSweep.Run run = sweep.next(sparse, 8 << 10); !run.isEmpty() && sweep.passes() == 0;
                 run = sweep.next(sparse, 8 << 10)) {
                //why: a deadline already passed copies the first leaf only
                int done = run.rewrite(0);
                assertThat(done).as("leaves copied past the deadline").isEqualTo(1);
                if (run.maps().get(0) == (Object) first) {
                    copied.add((Integer) run.keys().get(0));
                }
                cutShort += run.keys().size() > 1 ? 1 : 0;
                sweep.resumeAt(run, done);
                store.commit();
            }

            assertThat(cutShort).as("runs cut short").isGreaterThan(2);
            assertThat(copied).as("the first map's leaves, in key order, each once").isSorted().doesNotHaveDuplicates();
            assertThat(sweep.liveIn(sparse)).as("live data left in the sparse chunks").isLessThan(liveBefore / 20);
            assertThat(new TreeMap<>(first)).isEqualTo(expected);
        }
    }

    private MVStore open() {
        return new MVStore.Builder().fileName(folder.resolve("sweep.mv").toString()).autoCommitDisabled().open();
    }

    /** Two maps of 4,000 entries; every other key of the first written again, so its first chunk is three quarters live. */
    private static TreeMap<Integer, String> fill(MVStore store) {
        MVMap<Integer, String> first = store.openMap("first");
        MVMap<Integer, String> second = store.openMap("second");
        TreeMap<Integer, String> expected = new TreeMap<>();
        for (int i = 0; i < 4_000; i++) {
            first.put(i, "a".repeat(100) + i);
            second.put(i, "b".repeat(100) + i);
            expected.put(i, "a".repeat(100) + i);
        }
        store.commit();
        for (int i = 0; i < 4_000; i += 2) {
            first.put(i, "c".repeat(100) + i);
            expected.put(i, "c".repeat(100) + i);
        }
        store.commit();
        store.openMap("later").put(1, "x");
        store.commit();
        return expected;
    }
}

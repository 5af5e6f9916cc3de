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
        try (MVStore store = new MVStore.Builder().fileName(folder.resolve("sweep.mv").toString())
                .autoCommitDisabled().open()) {
            MVMap<Integer, String> first = store.openMap("first");
            MVMap<Integer, String> second = store.openMap("second");
            TreeMap<Integer, String> expected = new TreeMap<>();
            for (int i = 0; i < 4_000; i++) {
                first.put(i, "a".repeat(100) + i);
                second.put(i, "b".repeat(100) + i);
                expected.put(i, "a".repeat(100) + i);
            }
            store.commit();
            //why: every other key of the first map written again, so the first chunk is about three quarters live
            for (int i = 0; i < 4_000; i += 2) {
                first.put(i, "c".repeat(100) + i);
                expected.put(i, "c".repeat(100) + i);
            }
            store.commit();
            store.openMap("later").put(1, "x");
            store.commit();
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
                run.rewrite();
                store.commit();
                runs++;
            }

            assertThat(liveBefore).as("live data in the sparse chunks before").isPositive();
            assertThat(runs).as("bounded runs").isGreaterThan(2);
            assertThat(rewritten).as("the first map's leaves, in key order").isSorted().doesNotHaveDuplicates();
            //why: MVStore's own metadata (map names, the chunks' layout) is not the sweep's to move
            assertThat(sweep.liveIn(sparse)).as("live data left in the sparse chunks").isLessThan(liveBefore / 20);
            assertThat(new TreeMap<>(first)).isEqualTo(expected);
            assertThat(second).hasSize(4_000).containsEntry(3_999, "b".repeat(100) + 3_999);
        }
    }
}

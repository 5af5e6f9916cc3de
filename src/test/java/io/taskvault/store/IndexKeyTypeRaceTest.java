package io.taskvault.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.ObjectId;

/**
 * Keys that MVStore stores serialized (ObjectIds, the engine's index keys) compare the same whatever another thread
 * does with the type meanwhile. H2's ObjectDataType remembers the last type it met in a field every thread shares,
 * and made a new serialized type each time it came back to one; a compare that saw two of them failed with
 * "Can not compare" (a find ran into it while a checkpoint was writing keys).
 */
class IndexKeyTypeRaceTest {

    @Test
    void serializedKeysCompareWhileAnotherThreadWritesKeysOfOtherTypes() throws Exception {
        IndexKeyType type = new IndexKeyType();
        ObjectId low = new ObjectId();
        ObjectId high = new ObjectId();
        int expected = Integer.signum(type.compare(low, high));
        KeyValue lowKey = new KeyValue(List.of(1, low));
        KeyValue highKey = new KeyValue(List.of(1, high));
        AtomicBoolean stop = new AtomicBoolean();
        AtomicReference<Throwable> failed = new AtomicReference<>();
        Thread switcher = new Thread(() -> {
            while (!stop.get()) {
                type.getMemory("a string");
                type.getMemory(low);
            }
        });
        switcher.start();
        List<Integer> seen = new ArrayList<>();
        try {
            for (int i = 0; i < 100_000 && failed.get() == null; i++) {
                try {
                    seen.add(Integer.signum(type.compare(low, high)));
                    type.compare(lowKey, highKey);
                } catch (RuntimeException e) {
                    failed.set(e);
                }
            }
        } finally {
            stop.set(true);
            switcher.join();
        }

        assertThat(failed.get()).as("a compare while the type switched").isNull();
        assertThat(seen).as("the order of two ObjectIds").containsOnly(expected);
    }
}

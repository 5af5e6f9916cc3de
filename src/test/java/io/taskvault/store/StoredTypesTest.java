package io.taskvault.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;

class StoredTypesTest {

    @TempDir
    Path folder;

    @Test
    void ordersOneStringKeysExactlyAsTheirJavaSerialization() {
        assertThat(IndexKeyType.layoutConfirmed()).isTrue();
        IndexKeyType fast = new IndexKeyType();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        List<String> samples = new ArrayList<>(List.of("", "a", "TV-9", "TV-10", "é", "\u0000", "\u4e2d", "\ud83d\ude00"));
        for (int i = 0; i < 2_000; i++) {
            samples.add(i % 2 == 0 ? UUID.randomUUID() + ":" + random.nextInt(1, 30) : "TV-" + random.nextInt(100_000));
        }
        for (int i = 0; i < 20_000; i++) {
            KeyValue a = new KeyValue(samples.get(random.nextInt(samples.size())));
            KeyValue b = new KeyValue(List.of(samples.get(random.nextInt(samples.size()))));
            int engine = ObjectDataType.compareNotNull(ObjectDataType.serialize(a), ObjectDataType.serialize(b));
            assertThat(Integer.signum(fast.compare(a, b))).as("%s vs %s", a, b).isEqualTo(Integer.signum(engine));
        }
    }

    @Test
    void ordersStringAndNumberKeysExactlyAsTheirJavaSerialization() {
        IndexKeyType fast = new IndexKeyType();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < 20_000; i++) {
            KeyValue a = new KeyValue("task-" + random.nextInt(30), (long) random.nextInt(-3, 40));
            KeyValue b = new KeyValue("task-" + random.nextInt(30), random.nextBoolean() ? random.nextLong() : (long) random.nextInt(40));
            int engine = ObjectDataType.compareNotNull(ObjectDataType.serialize(a), ObjectDataType.serialize(b));
            assertThat(Integer.signum(fast.compare(a, b))).as("%s vs %s", a, b).isEqualTo(Integer.signum(engine));
        }
    }

    @Test
    void storesDocumentsAsBsonAndStillReadsJavaSerializedOnes() {
        Path file = folder.resolve("types.mv");
        Document legacy = document("legacy");
        try (MVStore store = MVStore.open(file.toString())) {
            MVMap<Object, Object> map = store.openMap("docs");
            map.put("old", legacy);
            store.commit();
        }
        Document current = document("current");
        try (MVStore store = MVStore.open(file.toString())) {
            MVMap<Object, Object> map = typed(store);
            assertThat(map.get("old")).isEqualTo(legacy);
            map.put("new", current);
            store.commit();
        }
        try (MVStore store = MVStore.open(file.toString())) {
            MVMap<Object, Object> map = typed(store);
            assertThat(map.get("old")).isEqualTo(legacy);
            assertThat(map.get("new")).isEqualTo(current);
        }
        assertThat(StoredDocumentType.encode(current)).hasSizeLessThan(ObjectDataType.serialize(current).length / 2);
    }

    private static MVMap<Object, Object> typed(MVStore store) {
        return store.openMap("docs", new MVMap.Builder<Object, Object>().keyType(new IndexKeyType())
                .valueType(new StoredDocumentType()));
    }

    private static Document document(String title) {
        Document nested = new Document("before", null).append("after", List.of("a", "b"));
        return new Document("_id", UUID.randomUUID().toString()).append("title", title).append("version", 3L)
                .append("count", 7).append("ratio", 0.5).append("done", true).append("at", Instant.ofEpochMilli(1_700_000_000_123L))
                .append("changes", new Document("tags", nested)).append("tags", List.of("x", "y"));
    }
}

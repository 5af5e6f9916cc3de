package io.taskvault.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

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

    @Test
    void storesPlainKeysByTheirValuesAndStillReadsJavaSerializedOnes() {
        Path file = folder.resolve("keys.mv");
        KeyValue legacy = new KeyValue("TV-7");
        try (MVStore store = MVStore.open(file.toString())) {
            store.openMap("index").put(legacy, "old");
            store.commit();
        }
        List<KeyValue> current = List.of(new KeyValue("TV-8"), new KeyValue(UUID.randomUUID().toString(), 12L),
                new KeyValue("task", 3), new KeyValue("ratio", 0.25, true), new KeyValue("", Long.MIN_VALUE));
        KeyValue other = new KeyValue("at", Instant.ofEpochMilli(1_700_000_000_123L), null);
        try (MVStore store = MVStore.open(file.toString())) {
            MVMap<Object, Object> map = typed(store, "index");
            assertThat(map.get(legacy)).isEqualTo("old");
            current.forEach(key -> map.put(key, "new"));
            map.put(other, "other");
            store.commit();
        }
        try (MVStore store = MVStore.open(file.toString())) {
            MVMap<Object, Object> map = typed(store, "index");
            assertThat(map.get(legacy)).isEqualTo("old");
            current.forEach(key -> assertThat(map.get(key)).as("%s", key).isEqualTo("new"));
            assertThat(map.get(other)).isEqualTo("other");
            List<Object> inOrder = new ArrayList<>(map.keyList());
            List<Object> expected = new ArrayList<>(inOrder);
            expected.sort((a, b) -> ObjectDataType.compareNotNull(ObjectDataType.serialize(a), ObjectDataType.serialize(b)));
            assertThat(inOrder).hasSize(current.size() + 2).isEqualTo(expected);
        }
        assertThat(written(new KeyValue(UUID.randomUUID().toString())))
                .isLessThan(ObjectDataType.serialize(new KeyValue(UUID.randomUUID().toString())).length / 3);
    }

    @Test
    void writesAndReadsIndexEntriesAsTheEnginesBsonCodecDoes() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        Object[] pool = {"", "TV-42", "é中\ud83d\ude00", "lone \ud83d", 0, -7, Integer.MAX_VALUE, 0L, Long.MIN_VALUE, 1L << 40,
                0.5, -0.0, Double.NaN, true, false, null, Instant.ofEpochMilli(1_700_000_000_123L),
                new ObjectId(), new Document("a", 1), List.of("x", 2)};
        IndexEntryType type = new IndexEntryType(new int[] {1, -1});
        for (int i = 0; i < 5_000; i++) {
            Object[] values = new Object[random.nextInt(0, 14)];
            for (int v = 0; v < values.length; v++) {
                values[v] = random.nextInt(5) == 0 ? pool[random.nextInt(pool.length)] : pool[random.nextInt(13)];
            }
            Object position = random.nextBoolean() ? UUID.randomUUID().toString() : pool[random.nextInt(pool.length)];
            IndexEntry entry = new IndexEntry(values, position);
            WriteBuffer written = new WriteBuffer();
            type.write(written, entry);
            byte[] bytes = bytes(written);
            assertThat(bytes).as("%s", entry).isEqualTo(enginesBytes(entry));
            ByteBuffer read = ByteBuffer.wrap(Arrays.copyOf(bytes, bytes.length + 3));
            assertThat(type.read(read)).as("%s", entry).isEqualTo(enginesEntry(bytes));
            assertThat(read.position()).isEqualTo(bytes.length);
        }
    }

    private static byte[] enginesBytes(IndexEntry entry) {
        Document document = new Document("v", new ArrayList<>(Arrays.asList(entry.values))).append("p", entry.position);
        ByteBuf out = Unpooled.buffer();
        BsonEncoder.encodeDocument(document, out);
        byte[] bson = new byte[out.readableBytes()];
        out.readBytes(bson);
        return bytes(new WriteBuffer().putVarInt(bson.length).put(bson));
    }

    private static IndexEntry enginesEntry(byte[] stored) {
        ByteBuffer buff = ByteBuffer.wrap(stored);
        byte[] bson = new byte[DataUtils.readVarInt(buff)];
        buff.get(bson);
        Document document = BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bson));
        return new IndexEntry(((Collection<?>) document.get("v")).toArray(), document.get("p"));
    }

    private static int written(Object key) {
        WriteBuffer buff = new WriteBuffer();
        new IndexKeyType().write(buff, key);
        return buff.position();
    }

    private static byte[] bytes(WriteBuffer written) {
        return Arrays.copyOf(written.getBuffer().array(), written.position());
    }

    private static MVMap<Object, Object> typed(MVStore store, String name) {
        return store.openMap(name, new MVMap.Builder<Object, Object>().keyType(new IndexKeyType())
                .valueType(new StoredDocumentType()));
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

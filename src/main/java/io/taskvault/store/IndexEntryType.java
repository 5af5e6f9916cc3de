package io.taskvault.store;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.BsonTimestamp;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.LegacyUUID;
import de.bwaldvogel.mongo.bson.MaxKey;
import de.bwaldvogel.mongo.bson.MinKey;
import de.bwaldvogel.mongo.bson.ObjectId;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * The MVStore key type of a {@link SecondaryIndex}: entries ordered as MongoDB sorts values (the engine's
 * {@link ValueComparator}, BSON type brackets first), each key in its index direction, then by {@code _id}
 * ascending; stored as a small BSON document.
 */
final class IndexEntryType extends BasicDataType<IndexEntry> {

    private static final List<Class<?>> TYPE_ORDER = List.of(MinKey.class, Void.class, Number.class, String.class,
            Document.class, List.class, BinData.class, LegacyUUID.class, UUID.class, ObjectId.class, Boolean.class,
            Instant.class, BsonTimestamp.class, BsonRegularExpression.class, MaxKey.class);

    private final int[] directions;

    IndexEntryType(int[] directions) {
        this.directions = directions.clone();
    }

    /** The BSON type bracket of a value, in MongoDB's comparison order; null and missing share one. */
    static int typeOrder(Object value) {
        if (Missing.isNullOrMissing(value)) {
            return 1;
        }
        for (int i = 0; i < TYPE_ORDER.size(); i++) {
            if (TYPE_ORDER.get(i).isInstance(value)) {
                return i;
            }
        }
        return TYPE_ORDER.size();
    }

    @Override
    public int compare(IndexEntry a, IndexEntry b) {
        int n = Math.max(a.values.length, b.values.length);
        for (int i = 0; i < n; i++) {
            if (i >= a.values.length) {
                return a.side;
            }
            if (i >= b.values.length) {
                return -b.side;
            }
            int c = compareValues(a.values[i], b.values[i]);
            if (c != 0) {
                return i < directions.length && directions[i] < 0 ? -c : c;
            }
        }
        if (a.side != 0 || b.side != 0) {
            return Integer.compare(a.side, b.side);
        }
        return ValueComparator.asc().compare(a.position, b.position);
    }

    static int compareValues(Object a, Object b) {
        if (a instanceof IndexEntry.BracketEdge edge) {
            return edgeVersus(edge, b);
        }
        if (b instanceof IndexEntry.BracketEdge edge) {
            return -edgeVersus(edge, a);
        }
        return ValueComparator.asc().compare(a, b);
    }

    private static int edgeVersus(IndexEntry.BracketEdge edge, Object value) {
        int type = value instanceof IndexEntry.BracketEdge other ? other.typeOrder() : typeOrder(value);
        if (type != edge.typeOrder()) {
            return Integer.compare(edge.typeOrder(), type);
        }
        if (value instanceof IndexEntry.BracketEdge other && other.high() == edge.high()) {
            return 0;
        }
        return edge.high() ? 1 : -1;
    }

    @Override
    public int getMemory(IndexEntry entry) {
        return 48 + 24 * entry.values.length;
    }

    @Override
    public void write(WriteBuffer buff, IndexEntry entry) {
        if (IndexEntryBson.write(buff, entry.values, entry.position)) {
            return;
        }
        Document document = new Document();
        document.put("v", new ArrayList<>(Arrays.asList(entry.values)));
        document.put("p", entry.position);
        ByteBuf out = Unpooled.buffer(64);
        try {
            BsonEncoder.encodeDocument(document, out);
            byte[] bson = new byte[out.readableBytes()];
            out.readBytes(bson);
            buff.putVarInt(bson.length).put(bson);
        } finally {
            out.release();
        }
    }

    @Override
    public IndexEntry read(ByteBuffer buff) {
        int length = DataUtils.readVarInt(buff);
        IndexEntry direct = IndexEntryBson.read(buff, length);
        if (direct != null) {
            return direct;
        }
        byte[] bson = new byte[length];
        buff.get(bson);
        Document document = BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bson));
        return new IndexEntry(((Collection<?>) document.get("v")).toArray(), document.get("p"));
    }

    @Override
    public IndexEntry[] createStorage(int size) {
        return new IndexEntry[size];
    }
}

package io.taskvault.store;

import java.nio.ByteBuffer;

import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * The MVStore value type of the embedded collections: documents are stored as BSON (tagged {@value #TAG_BSON})
 * instead of the engine's Java serialization, which wrote each document's class descriptors again and took most
 * of a checkpoint's time. Everything else, and every value written before, is read and written as before.
 */
final class StoredDocumentType extends ObjectDataType {

    //why: ObjectDataType's own tags end at 119 (TAG_BYTE_ARRAY_0_15 + 15)
    static final byte TAG_BSON = 121;
    //why: the page cache counts this per document. A decoded document takes about 8 times its BSON size on the heap:
    //    with 4, a cache of nominally 384 MB held 1.04 million documents taking twice that (class histogram at 100,000
    //    tasks), which left the collector half of two cores' time
    private static final int HEAP_PER_BSON_BYTE = 8;

    private volatile int averageBson = 1_024;

    @Override
    public void write(WriteBuffer buff, Object obj) {
        byte[] bson = obj instanceof Document document ? encode(document) : null;
        if (bson == null) {
            super.write(buff, obj);
            return;
        }
        averageBson = (bson.length + 15 * averageBson) / 16;
        buff.put(TAG_BSON).putVarInt(bson.length).put(bson);
    }

    @Override
    public Object read(ByteBuffer buff) {
        if (buff.get(buff.position()) != TAG_BSON) {
            return super.read(buff);
        }
        buff.get();
        int length = DataUtils.readVarInt(buff);
        byte[] bson = new byte[length];
        buff.get(bson);
        //why: after a restart nothing is written for a while; the cache's estimate follows what is read as well
        averageBson = (length + 15 * averageBson) / 16;
        return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bson));
    }

    @Override
    public int getMemory(Object obj) {
        return obj instanceof Document ? averageBson * HEAP_PER_BSON_BYTE : super.getMemory(obj);
    }

    /** The document as BSON, or null when it holds a value BSON cannot carry (it is then serialized as before). */
    static byte[] encode(Document document) {
        ByteBuf out = Unpooled.buffer(512);
        try {
            BsonEncoder.encodeDocument(document, out);
            byte[] bson = new byte[out.readableBytes()];
            out.readBytes(bson);
            return bson;
        } catch (RuntimeException e) {
            return null;
        } finally {
            out.release();
        }
    }
}

package io.taskvault.store;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;

import org.h2.mvstore.WriteBuffer;

/**
 * The stored form of an {@link IndexEntry}, {@code {v: [values], p: position}} as BSON, written and read directly
 * for the values index keys hold (strings, whole numbers, doubles, booleans, dates, null): the same bytes the
 * engine's {@code BsonEncoder} writes and the same objects its {@code BsonDecoder} reads, without building a
 * document, a list and a buffer for every entry a checkpoint writes or a page read decodes. An entry holding anything
 * else returns false or null, and is handled by the engine's codec.
 */
final class IndexEntryBson {

    private static final byte DOUBLE = 1;
    private static final byte STRING = 2;
    private static final byte ARRAY = 4;
    private static final byte BOOLEAN = 8;
    private static final byte DATE = 9;
    private static final byte NULL = 10;
    private static final byte INT = 16;
    private static final byte LONG = 18;

    private IndexEntryBson() {
    }

    /** Writes the entry's length (a varint) and BSON; false, having written nothing, for a value not listed above. */
    static boolean write(WriteBuffer buff, Object[] values, Object position) {
        int array = 4 + 1;
        for (int i = 0; i < values.length; i++) {
            int size = valueSize(values[i]);
            if (size < 0) {
                return false;
            }
            array += 1 + digits(i) + 1 + size;
        }
        int positionSize = valueSize(position);
        if (positionSize < 0) {
            return false;
        }
        int total = 4 + (1 + 2 + array) + (1 + 2 + positionSize) + 1;
        buff.putVarInt(total).putInt(Integer.reverseBytes(total));
        buff.put(ARRAY).put((byte) 'v').put((byte) 0).putInt(Integer.reverseBytes(array));
        for (int i = 0; i < values.length; i++) {
            buff.put(type(values[i]));
            buff.put(Integer.toString(i).getBytes(StandardCharsets.US_ASCII)).put((byte) 0);
            putValue(buff, values[i]);
        }
        buff.put((byte) 0);
        buff.put(type(position)).put((byte) 'p').put((byte) 0);
        putValue(buff, position);
        buff.put((byte) 0);
        return true;
    }

    /**
     * Reads an entry's BSON of {@code length} bytes at the buffer's position and moves past it; null, with the
     * position unchanged, when it holds a value not listed above.
     */
    static IndexEntry read(ByteBuffer buff, int length) {
        ByteBuffer bson = buff.slice(buff.position(), length).order(ByteOrder.LITTLE_ENDIAN);
        bson.getInt();
        if (bson.get() != ARRAY || bson.get() != 'v' || bson.get() != 0) {
            return null;
        }
        bson.getInt();
        Object[] values = new Object[4];
        int count = 0;
        for (byte type = bson.get(); type != 0; type = bson.get()) {
            while (bson.get() != 0) {
                //why: the element's name, its index, is implied by the order
            }
            if (!known(type)) {
                return null;
            }
            if (count == values.length) {
                values = Arrays.copyOf(values, count * 2);
            }
            values[count++] = value(bson, type);
        }
        byte type = bson.get();
        if (!known(type) || bson.get() != 'p' || bson.get() != 0) {
            return null;
        }
        Object position = value(bson, type);
        buff.position(buff.position() + length);
        return new IndexEntry(Arrays.copyOf(values, count), position);
    }

    private static int valueSize(Object value) {
        if (value == null) {
            return 0;
        }
        if (value instanceof String s) {
            int utf8 = utf8Length(s);
            return utf8 < 0 ? -1 : 4 + utf8 + 1;
        }
        if (value instanceof Integer) {
            return 4;
        }
        if (value instanceof Long || value instanceof Double || value instanceof Instant) {
            return 8;
        }
        return value instanceof Boolean ? 1 : -1;
    }

    private static byte type(Object value) {
        if (value == null) {
            return NULL;
        }
        if (value instanceof String) {
            return STRING;
        }
        if (value instanceof Integer) {
            return INT;
        }
        if (value instanceof Long) {
            return LONG;
        }
        if (value instanceof Double) {
            return DOUBLE;
        }
        return value instanceof Instant ? DATE : BOOLEAN;
    }

    private static void putValue(WriteBuffer buff, Object value) {
        if (value instanceof String s) {
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            buff.putInt(Integer.reverseBytes(utf8.length + 1)).put(utf8).put((byte) 0);
        } else if (value instanceof Integer i) {
            buff.putInt(Integer.reverseBytes(i));
        } else if (value instanceof Long l) {
            buff.putLong(Long.reverseBytes(l));
        } else if (value instanceof Double d) {
            buff.putLong(Long.reverseBytes(Double.doubleToRawLongBits(d)));
        } else if (value instanceof Instant instant) {
            buff.putLong(Long.reverseBytes(instant.toEpochMilli()));
        } else if (value instanceof Boolean b) {
            buff.put((byte) (b ? 1 : 0));
        }
    }

    private static boolean known(byte type) {
        return type == DOUBLE || type == STRING || type == BOOLEAN || type == DATE || type == NULL || type == INT
                || type == LONG;
    }

    private static Object value(ByteBuffer bson, byte type) {
        return switch (type) {
            case STRING -> {
                byte[] utf8 = new byte[bson.getInt() - 1];
                bson.get(utf8).get();
                yield new String(utf8, StandardCharsets.UTF_8);
            }
            case INT -> bson.getInt();
            case LONG -> bson.getLong();
            case DOUBLE -> Double.longBitsToDouble(bson.getLong());
            case DATE -> Instant.ofEpochMilli(bson.getLong());
            case BOOLEAN -> bson.get() != 0;
            default -> null;
        };
    }

    /** The string's length in UTF-8, or -1 when it holds a surrogate. */
    private static int utf8Length(String s) {
        int length = s.length();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                //why: a lone surrogate is written as '?' by one UTF-8 encoder and differently by another; leave any
                //    string holding one to the engine's
                if (Character.isSurrogate(c)) {
                    return -1;
                }
                length += c < 0x800 ? 1 : 2;
            }
        }
        return length;
    }

    private static int digits(int i) {
        return i < 10 ? 1 : i < 100 ? 2 : Integer.toString(i).length();
    }
}

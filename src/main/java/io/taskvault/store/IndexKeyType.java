package io.taskvault.store;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

import de.bwaldvogel.mongo.backend.KeyValue;

/**
 * The MVStore key type of the embedded collections and indexes. Stored keys keep the engine's format and order;
 * only comparing gets cheaper. The engine orders index keys ({@link KeyValue}, not Comparable) by their Java
 * serialization, serializing both sides on every step of every B-tree search. A key holding one string
 * serializes as a fixed prefix, the string as {@code 0x74, length (2 bytes), modified UTF-8}, a fixed suffix, so
 * its order is: modified UTF-8 length first, then those bytes; a (string, whole number) key adds the number's
 * bytes. That order is computed here without serializing; anything else (and everything, should the layout ever
 * differ, which is checked on samples when the class loads) goes the engine's way.
 * <p>A key whose values are all strings, whole numbers, doubles or booleans is written as its values (tagged
 * {@value #TAG_KEY}) instead of its Java serialization; every key written before, and any other key, is read and
 * written as before. Only the bytes change: keys are compared as objects, so the order is the same either way.
 */
final class IndexKeyType extends ObjectDataType {

    //why: ObjectDataType's own tags end at 119; StoredDocumentType, the value type beside this one, uses 121
    static final byte TAG_KEY = 122;
    //why: the classes ObjectDataType writes natively; all are final but Date, BigInteger and BigDecimal, which it
    //    takes only as exactly those classes
    private static final Set<Class<?>> NATIVE = Set.of(Integer.class, String.class, Long.class, Double.class,
            Float.class, Boolean.class, UUID.class, Byte.class, Short.class, Character.class, Date.class,
            BigInteger.class, BigDecimal.class);

    private static final boolean LAYOUT_CONFIRMED = confirmLayout();
    private static final boolean PAIRS_CONFIRMED = LAYOUT_CONFIRMED && samplePairOrderMatches();

    @Override
    public int compare(Object a, Object b) {
        if (LAYOUT_CONFIRMED && a instanceof KeyValue ka && b instanceof KeyValue kb && ka.size() == kb.size()) {
            String sa = firstString(ka);
            String sb = firstString(kb);
            if (sa != null && sb != null) {
                if (ka.size() == 1) {
                    return compareAsSerialized(sa, sb);
                }
                if (PAIRS_CONFIRMED && ka.size() == 2) {
                    Integer pair = comparePair(sa, ka.get(1), sb, kb.get(1));
                    if (pair != null) {
                        return pair;
                    }
                }
            }
        }
        if (storedSerialized(a) && storedSerialized(b)) {
            return compareSerialized(a, b);
        }
        return super.compare(a, b);
    }

    /**
     * Compares two keys MVStore stores serialized as its serialized type does, without asking the type.
     * //why: ObjectDataType remembers the last type it met in a field all threads share, and makes a new serialized
     * //    type whenever it comes back to one; a compare that met two of them threw "Can not compare". A find read
     * //    the documents' map while a checkpoint wrote its keys on another thread
     */
    @SuppressWarnings("unchecked")
    private static int compareSerialized(Object a, Object b) {
        if (a == b) {
            return 0;
        }
        if (a instanceof Comparable && a.getClass().isAssignableFrom(b.getClass())) {
            return ((Comparable<Object>) a).compareTo(b);
        }
        if (b instanceof Comparable && b.getClass().isAssignableFrom(a.getClass())) {
            return -((Comparable<Object>) b).compareTo(a);
        }
        return compareNotNull(serialize(a), serialize(b));
    }

    /** Whether ObjectDataType stores {@code key} serialized: none of the types it writes natively (its getTypeId). */
    private static boolean storedSerialized(Object key) {
        return key != null && !NATIVE.contains(key.getClass()) && !key.getClass().isArray();
    }

    @Override
    public void write(WriteBuffer buff, Object obj) {
        if (!(obj instanceof KeyValue key) || !compact(key)) {
            super.write(buff, obj);
            return;
        }
        buff.put(TAG_KEY).putVarInt(key.size());
        for (Object value : key) {
            super.write(buff, value);
        }
    }

    @Override
    public Object read(ByteBuffer buff) {
        if (buff.get(buff.position()) != TAG_KEY) {
            return super.read(buff);
        }
        buff.get();
        Object[] values = new Object[DataUtils.readVarInt(buff)];
        for (int i = 0; i < values.length; i++) {
            values[i] = super.read(buff);
        }
        return new KeyValue(values);
    }

    //why: the engine's estimate for a serialized object is the running average of what it serialized, 10 KB until
    //    then; keys written by their values never update it, and at 10 KB a key the B-tree split its pages after a few
    //    keys and the page cache held few pages
    @Override
    public int getMemory(Object obj) {
        if (!(obj instanceof KeyValue key) || !compact(key)) {
            return super.getMemory(obj);
        }
        int memory = 48;
        for (Object value : key) {
            memory += value instanceof String s ? 40 + 2 * s.length() : 16;
        }
        return memory;
    }

    //why: ObjectDataType writes these itself and reads each back as the same class; a null, a document, an id or a
    //    date in a key would come back as another type or not at all, so such keys keep the Java serialization
    private static boolean compact(KeyValue key) {
        for (Object value : key) {
            if (!(value instanceof String || value instanceof Long || value instanceof Integer || value instanceof Double
                    || value instanceof Boolean)) {
                return false;
            }
        }
        return true;
    }

    private static String firstString(KeyValue key) {
        return key.get(0) instanceof String s && s.length() < 21_845 ? s : null;
    }

    /**
     * A (string, number) key, like {@code _id_version} or {@code taskId_seq}: the string decides as above; equal
     * strings are followed by identical class descriptors, then the number's big-endian bytes (a double's bits),
     * compared unsigned. Null for other pairs.
     */
    static Integer comparePair(String sa, Object a, String sb, Object b) {
        if (a == null || b == null || a.getClass() != b.getClass()
                || !(a instanceof Long || a instanceof Integer || a instanceof Double)) {
            return null;
        }
        int first = compareAsSerialized(sa, sb);
        if (first != 0) {
            return first;
        }
        if (a instanceof Double da) {
            //why: serialized as the bits of Double.doubleToLongBits, big-endian (the engine stores whole numbers so)
            return Long.compareUnsigned(Double.doubleToLongBits(da), Double.doubleToLongBits((Double) b));
        }
        return a instanceof Long la ? Long.compareUnsigned(la, (Long) b) : Integer.compareUnsigned((Integer) a, (Integer) b);
    }

    /** Compares as {@code compareNotNull(serialize(a), serialize(b))} does for two one-string keys. */
    static int compareAsSerialized(String a, String b) {
        int la = utfLength(a);
        int lb = utfLength(b);
        if (la != lb) {
            return la < lb ? -1 : 1;
        }
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char ca = a.charAt(i);
            char cb = b.charAt(i);
            if (ca != cb) {
                return compareEncoded(ca, cb);
            }
        }
        return 0;
    }

    //why: the first differing char decides; compare its modified UTF-8 bytes, unsigned, as the byte order would
    private static int compareEncoded(char a, char b) {
        byte[] ea = encode(a);
        byte[] eb = encode(b);
        return ObjectDataType.compareNotNull(ea, eb);
    }

    private static byte[] encode(char c) {
        if (c >= 0x0001 && c <= 0x007F) {
            return new byte[] {(byte) c};
        }
        if (c <= 0x07FF) {
            return new byte[] {(byte) (0xC0 | ((c >> 6) & 0x1F)), (byte) (0x80 | (c & 0x3F))};
        }
        return new byte[] {(byte) (0xE0 | ((c >> 12) & 0x0F)), (byte) (0x80 | ((c >> 6) & 0x3F)), (byte) (0x80 | (c & 0x3F))};
    }

    private static int utfLength(String s) {
        int length = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            length += c >= 0x0001 && c <= 0x007F ? 1 : c <= 0x07FF ? 2 : 3;
        }
        return length;
    }

    /** Checks the serialized layout this relies on, and the order against the engine's on sample strings. */
    static boolean confirmLayout() {
        try {
            byte[] one = ObjectDataType.serialize(new KeyValue("x"));
            byte[] two = ObjectDataType.serialize(new KeyValue(List.of("yz")));
            int at = 0;
            while (at < one.length && one[at] == two[at]) {
                at++;
            }
            boolean layout = two.length == one.length + 1 && at >= 2 && one[at - 2] == 0x74 && one[at - 1] == 0
                    && one[at] == 1 && two[at] == 2 && one[at + 1] == 'x' && two[at + 1] == 'y' && two[at + 2] == 'z'
                    && Arrays.equals(one, at + 2, one.length, two, at + 3, two.length);
            return layout && sampleOrderMatches();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static boolean sampleOrderMatches() {
        String alphabet = "abcXYZ019:-_\u0000\u00e9\u07ff\u0800\u4e2d\ud83d\ude00";
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < 300; i++) {
            String a = sample(alphabet, random);
            String b = i % 3 == 0 ? a.substring(0, a.length() / 2) + sample(alphabet, random) : sample(alphabet, random);
            int expected = ObjectDataType.compareNotNull(ObjectDataType.serialize(new KeyValue(a)),
                    ObjectDataType.serialize(new KeyValue(b)));
            if (Integer.signum(expected) != Integer.signum(compareAsSerialized(a, b))) {
                return false;
            }
        }
        return true;
    }

    private static boolean samplePairOrderMatches() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long[] numbers = {0, 1, 2, 255, 256, -1, Long.MIN_VALUE, Long.MAX_VALUE, 1L << 40};
        for (int i = 0; i < 300; i++) {
            String a = random.nextBoolean() ? "task-1" : "task-" + random.nextInt(20);
            String b = random.nextBoolean() ? "task-1" : "task-" + random.nextInt(20);
            long na = random.nextBoolean() ? numbers[random.nextInt(numbers.length)] : random.nextLong();
            long nb = random.nextBoolean() ? numbers[random.nextInt(numbers.length)] : random.nextLong();
            Object va = i % 3 == 0 ? (Object) na : i % 3 == 1 ? (Object) (int) na : (Object) (double) (na % 100_000);
            Object vb = i % 3 == 0 ? (Object) nb : i % 3 == 1 ? (Object) (int) nb : (Object) (double) (nb % 100_000);
            int expected = ObjectDataType.compareNotNull(ObjectDataType.serialize(new KeyValue(a, va)),
                    ObjectDataType.serialize(new KeyValue(b, vb)));
            if (Integer.signum(expected) != Integer.signum(comparePair(a, va, b, vb))) {
                return false;
            }
        }
        return true;
    }

    private static String sample(String alphabet, ThreadLocalRandom random) {
        StringBuilder s = new StringBuilder();
        for (int i = random.nextInt(0, 12); i > 0; i--) {
            s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return s.toString();
    }

    static boolean layoutConfirmed() {
        return LAYOUT_CONFIRMED && PAIRS_CONFIRMED;
    }
}

package io.taskvault.store;

import java.nio.ByteBuffer;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.IntSupplier;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import io.netty.buffer.Unpooled;

/**
 * The counts of one collection that no index could answer (a word search's regular expressions), each kept exact
 * by every later insert, update and delete: a write moves each remembered count by whether the document matched
 * before and after it. Not thread-safe: every call runs under the collection's lock, as the engine's writes and
 * counts do.
 * //why: such a count matches every document (45 ms at 10,000 tasks, per {@code list --text}); the filters people
 * //    repeat are few, and checking a written document against them costs microseconds
 */
final class ScannedCounts {

    /** How many filters are remembered; each costs every write of the collection two matches. */
    static final int REMEMBERED = 8;
    //why: operators whose answer is not a function of the document alone (time, server state) or that the engine
    //    reads through something other than its matcher; a count with them is always scanned
    private static final Set<String> UNCACHEABLE = Set.of("$expr", "$where", "$text", "$near", "$nearSphere",
            "$geoWithin", "$geoIntersects", "$jsonSchema", "$sampleRate", "$comment", "$function");

    private final BiPredicate<Document, Document> matches;
    private final Map<ByteBuffer, Remembered> counts = new LinkedHashMap<>(16, 0.75f, true);
    private long answered;

    ScannedCounts(BiPredicate<Document, Document> matches) {
        this.matches = matches;
    }

    /** The number of documents {@code filter} matches: remembered, or {@code scan}ned and remembered. */
    int count(Document filter, IntSupplier scan) {
        byte[] bson = cacheable(filter) ? StoredDocumentType.encode(filter) : null;
        if (bson == null) {
            return scan.getAsInt();
        }
        ByteBuffer key = ByteBuffer.wrap(bson);
        Remembered known = counts.get(key);
        if (known != null) {
            answered++;
            return known.count;
        }
        int count = scan.getAsInt();
        //why: a copy of the filter, as the engine may change the command's own document after the reply
        counts.put(key, new Remembered(BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bson)), count));
        if (counts.size() > REMEMBERED) {
            Iterator<Remembered> eldest = counts.values().iterator();
            eldest.next();
            eldest.remove();
        }
        return count;
    }

    /** Moves every remembered count by one written document: {@code before} or {@code after} is null for an insert or delete. */
    void written(Document before, Document after) {
        for (Iterator<Remembered> all = counts.values().iterator(); all.hasNext(); ) {
            Remembered known = all.next();
            try {
                known.count += (matched(known.filter, after) ? 1 : 0) - (matched(known.filter, before) ? 1 : 0);
            } catch (RuntimeException e) {
                //why: a write must not fail for a count; the filter is scanned again next time
                all.remove();
            }
        }
    }

    boolean isEmpty() {
        return counts.isEmpty();
    }

    /** How many counts were answered without a scan, for tests. */
    long answeredWithoutScan() {
        return answered;
    }

    private boolean matched(Document filter, Document document) {
        return document != null && matches.test(document, filter);
    }

    private static boolean cacheable(Object value) {
        if (value instanceof Document document) {
            for (Map.Entry<String, Object> entry : document.entrySet()) {
                if (UNCACHEABLE.contains(entry.getKey()) || !cacheable(entry.getValue())) {
                    return false;
                }
            }
        } else if (value instanceof List<?> list) {
            return list.stream().allMatch(ScannedCounts::cacheable);
        }
        return true;
    }

    private static final class Remembered {
        private final Document filter;
        private int count;

        Remembered(Document filter, int count) {
            this.filter = filter;
            this.count = count;
        }
    }
}

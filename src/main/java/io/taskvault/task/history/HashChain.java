package io.taskvault.task.history;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.commons.codec.digest.DigestUtils;
import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;

/**
 * The tamper-evident chain over a task's history: each event's hash is SHA-256 over the previous hash and
 * the event's canonical form (its stored document, keys sorted, BSON types kept, the hash itself left out).
 */
public final class HashChain {

    public static final String HASH_FIELD = "hash";
    private static final JsonWriterSettings CANONICAL = JsonWriterSettings.builder().outputMode(JsonMode.EXTENDED).build();

    private HashChain() {
    }

    /** The hash an event document must carry, given the hash of the event before it. */
    public static String hash(Document event, String prevHash) {
        Document canonical = sorted(event);
        canonical.remove(HASH_FIELD);
        return DigestUtils.sha256Hex((prevHash == null ? "" : prevHash) + "\n" + canonical.toJson(CANONICAL));
    }

    /** Checks a task's events (read raw, ordered by seq) against each other and against the task's head. */
    public static ChainReport verify(String taskKey, List<Document> events, long headSeq, String headHash) {
        List<String> problems = new ArrayList<>();
        String prev = null;
        long expectedSeq = 1;
        for (Document event : events) {
            long seq = ((Number) event.get("seq")).longValue();
            if (seq != expectedSeq) {
                problems.add("event " + expectedSeq + " is missing (found " + seq + " next)");
            }
            String storedPrev = event.getString("prevHash");
            if (seq == expectedSeq && !java.util.Objects.equals(storedPrev, prev)) {
                problems.add("event " + seq + " links to " + abbreviate(storedPrev) + ", expected " + abbreviate(prev));
            }
            String stored = event.getString(HASH_FIELD);
            String computed = hash(event, storedPrev);
            if (!computed.equals(stored)) {
                problems.add("event " + seq + " was altered: its hash is " + abbreviate(stored) + ", its content hashes to "
                        + abbreviate(computed));
            }
            prev = stored;
            expectedSeq = seq + 1;
        }
        if (expectedSeq - 1 < headSeq) {
            problems.add("events " + expectedSeq + ".." + headSeq + " are missing");
        }
        if (!java.util.Objects.equals(prev, headHash)) {
            problems.add("the task's head hash " + abbreviate(headHash) + " does not match its last event's "
                    + abbreviate(prev));
        }
        return new ChainReport(taskKey, events.size(), problems);
    }

    private static String abbreviate(String hash) {
        return hash == null ? "(none)" : hash.substring(0, Math.min(12, hash.length()));
    }

    @SuppressWarnings("unchecked")
    private static Document sorted(Map<String, Object> map) {
        Document result = new Document();
        new TreeMap<>(map).forEach((key, value) -> result.put(key, canonicalValue(value)));
        return result;
    }

    @SuppressWarnings("unchecked")
    private static Object canonicalValue(Object value) {
        if (value instanceof Map<?, ?> map) {
            return sorted((Map<String, Object>) map);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(HashChain::canonicalValue).toList();
        }
        return value;
    }
}

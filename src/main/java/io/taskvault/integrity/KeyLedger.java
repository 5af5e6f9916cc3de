package io.taskvault.integrity;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Which of the keys the key sequence handed out (TV-1 … TV-n) still answer to something: a task, an archive entry or
 * a deleted task's tombstone. A key that answers to none names a task that vanished without a trace.
 */
final class KeyLedger {

    private final String prefix;
    private final BitSet seen = new BitSet();

    KeyLedger(String prefix) {
        this.prefix = prefix + "-";
    }

    void saw(String key) {
        if (key != null && key.startsWith(prefix)) {
            try {
                long number = Long.parseLong(key.substring(prefix.length()));
                if (number > 0 && number <= Integer.MAX_VALUE) {
                    seen.set((int) number);
                }
            } catch (NumberFormatException e) {
                //why: an imported task may keep a key of its own shape; only the sequence's keys are accounted for
            }
        }
    }

    /** The keys up to {@code last} that answered to nothing, at most {@code limit} of them, lowest first. */
    List<String> missing(long last, int limit) {
        List<String> missing = new ArrayList<>();
        int upTo = (int) Math.min(last, Integer.MAX_VALUE);
        for (int n = seen.nextClearBit(1); n <= upTo && missing.size() < limit; n = seen.nextClearBit(n + 1)) {
            missing.add(prefix + n);
        }
        return missing;
    }

    /** How many keys up to {@code last} answered to nothing. */
    long missingCount(long last) {
        int upTo = (int) Math.min(last, Integer.MAX_VALUE);
        return upTo - seen.get(1, upTo + 1).cardinality();
    }
}

package io.taskvault.store.schema;

import java.util.List;

import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * Tasks v2 → v3: fills the derived sort keys {@code priorityRank} and {@code keyNumber}. Priorities and keys
 * stored as text sort wrongly ("HIGH" &lt; "LOW", "TV-10" &lt; "TV-9"); a v2 task without them sorts first by
 * priority and by key until it is rewritten. Recomputing is harmless, so the step is idempotent.
 */
@Component
public class TaskV2ToV3 implements UpgradeStep {

    //why: the order of io.taskvault.task.Priority, least urgent first; rank = ordinal + 1, 0 = none
    private static final List<String> PRIORITIES = List.of("LOW", "MEDIUM", "HIGH", "CRITICAL");

    @Override
    public String collection() {
        return "tasks";
    }

    @Override
    public int from() {
        return 2;
    }

    @Override
    public Document apply(Document raw) {
        Object priority = raw.get("priority");
        raw.put("priorityRank", priority == null ? 0 : PRIORITIES.indexOf(priority.toString()) + 1);
        Object key = raw.get("key");
        raw.put("keyNumber", keyNumber(key == null ? null : key.toString()));
        return raw;
    }

    static long keyNumber(String key) {
        int dash = key == null ? -1 : key.lastIndexOf('-');
        try {
            return dash < 0 ? 0 : Long.parseLong(key.substring(dash + 1));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}

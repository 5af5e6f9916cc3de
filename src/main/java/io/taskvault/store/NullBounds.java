package io.taskvault.store;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import de.bwaldvogel.mongo.bson.Document;

/**
 * MongoDB's answer for a range bound of null: {@code $gte: null} and {@code $lte: null} match a field that is null or
 * missing, as {@code $eq: null} does, and {@code $gt: null} and {@code $lt: null} match nothing. The engine's matcher compares null with nothing and matched no document,
 * while an index range from null found them, so a find and a count of the same filter disagreed. Filters are
 * rewritten before they are planned or matched.
 */
final class NullBounds {

    private NullBounds() {
    }

    /**
     * The filter with each {@code $gte}/{@code $lte} of null read as {@code $eq: null} and each {@code $gt}/{@code $lt}
     * of null as {@code $in: []}; the same instance if it has none.
     */
    static Document rewrite(Document filter) {
        return filter == null ? null : (Document) rewrite(filter, false);
    }

    private static Object rewrite(Object value, boolean operators) {
        if (value instanceof List<?> list) {
            List<Object> copy = null;
            for (int i = 0; i < list.size(); i++) {
                Object rewritten = rewrite(list.get(i), false);
                if (rewritten != list.get(i)) {
                    copy = copy == null ? new ArrayList<>(list) : copy;
                    copy.set(i, rewritten);
                }
            }
            return copy == null ? list : copy;
        }
        if (!(value instanceof Document document)) {
            return value;
        }
        Document copy = new Document();
        boolean changed = false;
        boolean nullBound = false;
        boolean nothing = false;
        for (Map.Entry<String, Object> entry : document.entrySet()) {
            String key = entry.getKey();
            if (operators && entry.getValue() == null && (key.equals("$gte") || key.equals("$lte"))) {
                nullBound = true;
                changed = true;
                continue;
            }
            if (operators && entry.getValue() == null && (key.equals("$gt") || key.equals("$lt"))) {
                nothing = true;
                changed = true;
                continue;
            }
            //why: $elemMatch holds a filter for the array's elements, whose null semantics differ; left as it is
            Object rewritten = key.equals("$elemMatch") ? entry.getValue() : rewrite(entry.getValue(), true);
            changed |= rewritten != entry.getValue();
            copy.put(key, rewritten);
        }
        if (nothing) {
            //why: nothing sorts above or below null within its type, and ranges do not cross types: no value matches
            copy.put("$in", new ArrayList<>());
        } else if (nullBound) {
            if (!copy.containsKey("$eq")) {
                copy.put("$eq", null);
            } else if (!copy.containsKey("$in")) {
                copy.put("$in", new ArrayList<>(Collections.singletonList(null)));
            } else {
                return document;
            }
        }
        return changed ? copy : document;
    }
}

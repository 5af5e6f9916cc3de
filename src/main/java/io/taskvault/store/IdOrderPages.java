package io.taskvault.store;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;

import de.bwaldvogel.mongo.bson.Document;

/**
 * Answers a page of a pass over a collection in {@code _id} order ({@code {_id: {$gt: last}}} sorted by {@code _id},
 * with a limit) from the collection's own map, which is keyed by {@code _id}: the page reads its own documents and
 * no others, as MongoDB's {@code _id} index does. Only string bounds: a comparison with a string matches only string
 * ids, and the map holds those together, in the order the engine compares strings ({@link String#compareTo}).
 * //why: every other query the engine answers holds the collection's lock while it collects its whole answer; a pass
 * //    over 1,000,000 tasks in one find held it 23 s, and every read of the tasks waited behind it
 */
final class IdOrderPages {

    private static final String ID = "_id";

    private IdOrderPages() {
    }

    /** The page, if {@code query} and {@code orderBy} have this shape; empty when the engine must answer otherwise. */
    static Optional<List<Document>> read(MVMap<Object, Document> documents, Document query, Document orderBy,
                                         int skip, int limit, Predicate<Document> matches) {
        if (limit <= 0 || !isIdAscending(orderBy)) {
            return Optional.empty();
        }
        Optional<String> from = lowestStringBound(query);
        if (from.isEmpty()) {
            return Optional.empty();
        }
        List<Document> page = new ArrayList<>();
        int toSkip = Math.max(0, skip);
        for (Cursor<Object, Document> cursor = documents.cursor(from.get()); cursor.hasNext() && page.size() < limit; ) {
            if (!(cursor.next() instanceof String)) {
                break;
            }
            Document document = cursor.getValue();
            if (document != null && matches.test(document)) {
                if (toSkip > 0) {
                    toSkip--;
                } else {
                    page.add(document);
                }
            }
        }
        return Optional.of(page);
    }

    /**
     * The documents whose ids are not strings, in the map's order, if {@code query} is {@code {_id: {$not: {$type:
     * "string"}}}} in no other order; empty otherwise. They lie before the map's first string id and after its last,
     * so only they are read.
     * //why: the last part of a pass in pages (IdPages); as a scan it read all 10 million events under the lock
     */
    static Optional<List<Document>> readOtherTypes(MVMap<Object, Document> documents, Document query, Document orderBy,
                                                   int skip, int limit) {
        if ((orderBy != null && !orderBy.isEmpty()) || !isNotStringId(query)) {
            return Optional.empty();
        }
        List<Document> found = new ArrayList<>();
        boolean stringsFound = false;
        for (Cursor<Object, Document> cursor = documents.cursor(null); cursor.hasNext(); ) {
            if (cursor.next() instanceof String) {
                stringsFound = true;
                break;
            }
            found.add(cursor.getValue());
        }
        if (stringsFound) {
            List<Document> after = new ArrayList<>();
            for (Object key = documents.lastKey(); key != null && !(key instanceof String);
                 key = documents.lowerKey(key)) {
                after.add(documents.get(key));
            }
            Collections.reverse(after);
            found.addAll(after);
        }
        found.removeIf(Objects::isNull);
        List<Document> page = found.subList(Math.min(Math.max(0, skip), found.size()), found.size());
        return Optional.of(new ArrayList<>(limit > 0 && page.size() > limit ? page.subList(0, limit) : page));
    }

    private static boolean isNotStringId(Document query) {
        return query.size() == 1 && query.get(ID) instanceof Document condition && condition.size() == 1
                && condition.get("$not") instanceof Document not && not.size() == 1
                && (Integer.valueOf(2).equals(not.get("$type")) || "string".equals(not.get("$type")));
    }

    private static boolean isIdAscending(Document orderBy) {
        return orderBy != null && orderBy.size() == 1 && orderBy.get(ID) instanceof Number direction
                && direction.intValue() == 1;
    }

    /**
     * Where the string ids a query can match begin: its lower bound on {@code _id} ({@code $gt}, {@code $gte}), or the
     * empty string when it has only an upper one; empty when it compares {@code _id} with no string.
     */
    static Optional<String> lowestStringBound(Document query) {
        Optional<String> found = Optional.empty();
        for (Document condition : idConditions(query)) {
            boolean stringsOnly = false;
            String lowest = "";
            for (Map.Entry<String, Object> operator : condition.entrySet()) {
                if (!(operator.getValue() instanceof String bound)) {
                    continue;
                }
                switch (operator.getKey()) {
                    case "$gt", "$gte" -> {
                        stringsOnly = true;
                        lowest = bound.compareTo(lowest) > 0 ? bound : lowest;
                    }
                    case "$lt", "$lte" -> stringsOnly = true;
                    default -> {
                    }
                }
            }
            if (stringsOnly && (found.isEmpty() || lowest.compareTo(found.get()) > 0)) {
                found = Optional.of(lowest);
            }
        }
        return found;
    }

    //why: the conditions on _id that every match must meet: the query's own, or those of its top-level $and
    private static List<Document> idConditions(Document query) {
        List<Document> conditions = new ArrayList<>();
        if (query.get(ID) instanceof Document condition) {
            conditions.add(condition);
        }
        if (query.get("$and") instanceof List<?> all) {
            for (Object part : all) {
                if (part instanceof Document condition) {
                    conditions.addAll(idConditions(condition));
                }
            }
        }
        return conditions;
    }
}

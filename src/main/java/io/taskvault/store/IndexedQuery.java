package io.taskvault.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Decimal128;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;

/**
 * How one {@link SecondaryIndex} serves a query: equality or {@code $in} on its leading keys, a range on the next,
 * and, when the requested sort follows the index (in either direction), the order too. It only ever narrows the
 * documents to read; the engine's matcher still judges each one, unless the plan is {@link #exact()}.
 */
final class IndexedQuery {

    private static final Set<String> RANGE_OPERATORS = Set.of("$gt", "$gte", "$lt", "$lte");
    private static final int MAX_SEGMENTS = 1_000;

    private final SecondaryIndex index;
    private final List<List<Object>> prefix;
    private final Range range;
    private final boolean exact;
    private final List<SortKey> sort;
    private final boolean sortServed;
    private final boolean reverse;
    private final int runLength;
    private final int idDirection;

    private IndexedQuery(SecondaryIndex index, List<List<Object>> prefix, Range range, boolean exact,
                         List<SortKey> sort, boolean sortServed, boolean reverse, int runLength, int idDirection) {
        this.index = index;
        this.prefix = prefix;
        this.range = range;
        this.exact = exact;
        this.sort = sort;
        this.sortServed = sortServed;
        this.reverse = reverse;
        this.runLength = runLength;
        this.idDirection = idDirection;
    }

    record Range(Object lower, boolean lowerInclusive, Object upper, boolean upperInclusive) {
    }

    record SortKey(String field, int direction) {
    }

    /** Whether the entries alone decide which documents match (the matcher would accept every one). */
    boolean exact() {
        return exact;
    }

    /** Whether the entries come in the requested order, ties by {@code _id}. */
    boolean sortServed() {
        return sortServed;
    }

    /** Whether one document may have several entries among those read. */
    boolean multikey() {
        return index.multikey();
    }

    SecondaryIndex index() {
        return index;
    }

    /**
     * A document's values for the sort keys (as the engine's sort reads them: arrays whole, missing as missing), then
     * its {@code _id}, then the document itself; ordered by {@link #sortValuesOrder}.
     */
    static Object[] sortValues(Document document, List<String> keys) {
        Object[] values = new Object[keys.size() + 2];
        for (int i = 0; i < keys.size(); i++) {
            String key = keys.get(i);
            //why: the engine's path lookup splits every key with a regular expression, for every document a sorted
            //    scan reads; a top-level field is the document's own entry, as that lookup finds it
            values[i] = key.indexOf('.') < 0 && !key.equals("$") ? document.getOrMissing(key)
                    : Utils.getSubdocumentValueCollectionAware(document, key);
        }
        values[keys.size()] = document.get("_id");
        values[keys.size() + 1] = document;
        return values;
    }

    /**
     * The order a query's results take on this engine, indexed or scanned: the engine's sort ({@code DocumentComparator}:
     * arrays by their least element ascending, their greatest descending), ties by {@code _id}.
     */
    static Comparator<Object[]> sortValuesOrder(Document orderBy) {
        List<Comparator<Object>> directions = orderBy.values().stream()
                .map(direction -> ((Number) direction).intValue() > 0 ? (Comparator<Object>) ValueComparator.asc()
                        : ValueComparator.desc()).toList();
        return (a, b) -> {
            for (int i = 0; i < directions.size(); i++) {
                int c = directions.get(i).compare(a[i], b[i]);
                if (c != 0) {
                    return c;
                }
            }
            return ValueComparator.asc().compare(a[directions.size()], b[directions.size()]);
        };
    }

    /** The best index plan for a query, if any index serves its filter or its sort. */
    static Optional<IndexedQuery> plan(List<SecondaryIndex> indexes, Document filter, Document orderBy) {
        List<SortKey> sort = sortKeys(orderBy);
        if (sort == null) {
            return Optional.empty();
        }
        Document flat = flattened(filter);
        IndexedQuery best = null;
        int bestScore = 0;
        for (SecondaryIndex index : indexes) {
            IndexedQuery candidate = plan(index, flat, sort);
            if (candidate == null) {
                continue;
            }
            int score = (candidate.prefix.size() * 4 + (candidate.range != null ? 2 : 0)) * 2
                    + (candidate.sortServed ? 1 : 0);
            if (score > bestScore) {
                best = candidate;
                bestScore = score;
            }
        }
        return Optional.ofNullable(best);
    }

    private static List<SortKey> sortKeys(Document orderBy) {
        List<SortKey> keys = new ArrayList<>();
        if (orderBy == null) {
            return keys;
        }
        for (Map.Entry<String, Object> key : orderBy.entrySet()) {
            if (key.getKey().startsWith("$") || !(key.getValue() instanceof Number direction)) {
                return null;
            }
            keys.add(new SortKey(key.getKey(), direction.intValue() < 0 ? -1 : 1));
        }
        return keys;
    }

    /**
     * The filter with top-level {@code $and} parts merged into one document (the driver's {@code Filters.and} sends
     * them so), or the filter as it is when two parts name the same field in ways that cannot be merged.
     */
    static Document flattened(Document filter) {
        Document flat = new Document();
        for (Map.Entry<String, Object> entry : filter.entrySet()) {
            if (entry.getKey().equals("$and") && entry.getValue() instanceof List<?> parts
                    && parts.stream().allMatch(Document.class::isInstance)) {
                for (Object part : parts) {
                    for (Map.Entry<String, Object> condition : flattened((Document) part).entrySet()) {
                        if (!merge(flat, condition.getKey(), condition.getValue())) {
                            return filter;
                        }
                    }
                }
            } else if (!merge(flat, entry.getKey(), entry.getValue())) {
                return filter;
            }
        }
        return flat;
    }

    private static boolean merge(Document flat, String field, Object condition) {
        Object present = flat.get(field);
        if (!flat.containsKey(field)) {
            flat.put(field, condition);
            return true;
        }
        if (field.startsWith("$") || !(present instanceof Document a) || !(condition instanceof Document b)
                || !a.keySet().stream().allMatch(k -> k.startsWith("$")) || !b.keySet().stream().allMatch(k -> k.startsWith("$"))
                || a.keySet().stream().anyMatch(b::containsKey)) {
            return false;
        }
        Document both = new Document(a);
        both.putAll(b);
        flat.put(field, both);
        return true;
    }

    private static IndexedQuery plan(SecondaryIndex index, Document filter, List<SortKey> sort) {
        List<String> fields = index.fields();
        boolean multikey = index.multikey();
        List<List<Object>> prefix = new ArrayList<>();
        int segments = 1;
        boolean exact = filter.keySet().stream().noneMatch(field -> field.startsWith("$"));
        Set<String> covered = new java.util.HashSet<>();
        while (prefix.size() < fields.size()) {
            String field = fields.get(prefix.size());
            List<Object> values = asksNullOrMissing(filter, field, index) ? NULL_OR_MISSING : equalValues(filter.get(field));
            if (values == null || (segments *= values.size()) > MAX_SEGMENTS) {
                break;
            }
            //why: the engine's matcher tests only the first $in value against an array field; exact counts must agree
            exact &= !(multikey && values.size() > 1);
            covered.add(fields.get(prefix.size()));
            prefix.add(values);
        }
        Range range = null;
        if (prefix.size() < fields.size() && !multikey) {
            range = range(filter.get(fields.get(prefix.size())));
            if (range != null) {
                covered.add(fields.get(prefix.size()));
            }
        }
        if (prefix.isEmpty() && range == null && (sort.isEmpty() || index.sparse())) {
            return null;
        }
        exact &= covered.containsAll(filter.keySet());
        return withSort(index, prefix, range, exact, sort, multikey);
    }

    private static IndexedQuery withSort(SecondaryIndex index, List<List<Object>> prefix, Range range, boolean exact,
                                         List<SortKey> sort, boolean multikey) {
        List<String> fields = index.fields();
        List<SortKey> rest = new ArrayList<>(sort.stream()
                .filter(key -> fields.indexOf(key.field()) < 0 || fields.indexOf(key.field()) >= prefix.size()).toList());
        int idDirection = 1;
        if (!rest.isEmpty() && rest.get(rest.size() - 1).field().equals("_id")) {
            idDirection = rest.remove(rest.size() - 1).direction();
        }
        int first = prefix.size();
        boolean served = !multikey && !sort.isEmpty() && rest.size() <= fields.size() - first
                && (!rest.isEmpty() || first == fields.size());
        boolean reverse = served && !rest.isEmpty() && rest.get(0).direction() != index.direction(first);
        for (int i = 0; served && i < rest.size(); i++) {
            served = rest.get(i).field().equals(fields.get(first + i))
                    && rest.get(i).direction() == index.direction(first + i) * (reverse ? -1 : 1);
        }
        return new IndexedQuery(index, prefix, range, exact, sort, served, served && reverse, rest.size(), idDirection);
    }

    private static final List<Object> NULL_OR_MISSING = java.util.Collections.singletonList(null);

    /**
     * Whether the filter asks for {@code field: null}, which matches a null or missing value: what an entry's null key
     * stands for. Not on a sparse index (no entries for documents without its fields) or a multikey one (an array
     * holding null matches too, under a key of its own).
     */
    private static boolean asksNullOrMissing(Document filter, String field, SecondaryIndex index) {
        Object condition = filter.get(field);
        boolean asksNull = filter.containsKey(field) && (condition == null || condition instanceof Document document
                && document.keySet().equals(Set.of("$eq")) && document.get("$eq") == null);
        return asksNull && !index.sparse() && !index.multikey();
    }

    /** The values an equality or {@code $in} asks for, ascending and distinct; null for any other condition. */
    private static List<Object> equalValues(Object condition) {
        Collection<?> asked;
        if (condition instanceof Document document) {
            if (document.keySet().equals(Set.of("$eq"))) {
                asked = java.util.Collections.singletonList(document.get("$eq"));
            } else if (document.keySet().equals(Set.of("$in")) && document.get("$in") instanceof Collection<?> in) {
                asked = in;
            } else {
                return null;
            }
        } else {
            asked = java.util.Collections.singletonList(condition);
        }
        TreeSet<Object> values = new TreeSet<>(ValueComparator.asc());
        for (Object value : asked) {
            if (!indexable(value)) {
                return null;
            }
            values.add(normalized(value));
        }
        return values.isEmpty() ? null : List.copyOf(values);
    }

    private static Range range(Object condition) {
        if (!(condition instanceof Document document) || document.isEmpty()
                || !RANGE_OPERATORS.containsAll(document.keySet())
                || (document.containsKey("$gt") && document.containsKey("$gte"))
                || (document.containsKey("$lt") && document.containsKey("$lte"))) {
            return null;
        }
        Object lower = document.containsKey("$gt") ? document.get("$gt") : document.get("$gte");
        Object upper = document.containsKey("$lt") ? document.get("$lt") : document.get("$lte");
        if ((lower != null && !indexable(lower)) || (upper != null && !indexable(upper))
                || (lower != null && upper != null
                && IndexEntryType.typeOrder(lower) != IndexEntryType.typeOrder(upper))) {
            return null;
        }
        return new Range(normalized(lower), document.containsKey("$gte"), normalized(upper), document.containsKey("$lte"));
    }

    //why: values whose equality and order the matcher and the index judge alike (null and missing, arrays, embedded
    //    documents and regular expressions follow rules of their own: those conditions scan)
    private static boolean indexable(Object value) {
        return value instanceof String || value instanceof Boolean || value instanceof Instant
                || value instanceof ObjectId || (value instanceof Number && !(value instanceof Decimal128));
    }

    private static Object normalized(Object value) {
        if (value instanceof Number number && !(value instanceof Long l && (double) l != l)) {
            double d = number.doubleValue();
            return d == -0.0 ? 0.0 : d;
        }
        return value;
    }

    /** The index entries to read, in the requested order when {@link #sortServed()}. */
    Iterator<IndexEntry> entries() {
        List<Iterator<IndexEntry>> segments = new ArrayList<>();
        for (List<Object> values : combinations()) {
            Iterator<IndexEntry> segment = index.between(low(values), high(values), reverse);
            segments.add(sortServed ? new TiesById(segment, prefix.size(), runLength, idDirection) : segment);
        }
        if (segments.size() == 1) {
            return segments.get(0);
        }
        if (!sortServed) {
            return segments.stream().flatMap(it -> java.util.stream.StreamSupport.stream(
                    java.util.Spliterators.spliteratorUnknownSize(it, 0), false)).iterator();
        }
        return new MergedSegments(segments, entryOrder());
    }

    /** How many documents match, from the index alone; only for an {@link #exact()} plan. */
    long count() {
        if (multikey()) {
            Set<Object> positions = new java.util.HashSet<>();
            entries().forEachRemaining(entry -> positions.add(entry.position));
            return positions.size();
        }
        long count = 0;
        for (List<Object> values : combinations()) {
            count += index.countBetween(low(values), high(values));
        }
        return count;
    }

    private List<List<Object>> combinations() {
        List<List<Object>> result = new ArrayList<>();
        result.add(List.of());
        for (List<Object> values : prefix) {
            List<List<Object>> next = new ArrayList<>();
            for (List<Object> head : result) {
                for (Object value : values) {
                    List<Object> combined = new ArrayList<>(head);
                    combined.add(value);
                    next.add(combined);
                }
            }
            result = next;
        }
        return result;
    }

    //why: the first probe in index order; in a descending key that is the range's upper end
    private IndexEntry low(List<Object> values) {
        if (range == null) {
            return IndexEntry.before(values.toArray());
        }
        boolean ascending = index.direction(values.size()) > 0;
        Object bound = ascending ? range.lower() : range.upper();
        if (bound == null) {
            Object other = ascending ? range.upper() : range.lower();
            return IndexEntry.before(append(values, new IndexEntry.BracketEdge(IndexEntryType.typeOrder(other), !ascending)));
        }
        boolean inclusive = ascending ? range.lowerInclusive() : range.upperInclusive();
        return inclusive ? IndexEntry.before(append(values, bound)) : IndexEntry.after(append(values, bound));
    }

    private IndexEntry high(List<Object> values) {
        if (range == null) {
            return IndexEntry.after(values.toArray());
        }
        boolean ascending = index.direction(values.size()) > 0;
        Object bound = ascending ? range.upper() : range.lower();
        if (bound == null) {
            Object other = ascending ? range.lower() : range.upper();
            return IndexEntry.after(append(values, new IndexEntry.BracketEdge(IndexEntryType.typeOrder(other), ascending)));
        }
        boolean inclusive = ascending ? range.upperInclusive() : range.lowerInclusive();
        return inclusive ? IndexEntry.after(append(values, bound)) : IndexEntry.before(append(values, bound));
    }

    private static Object[] append(List<Object> values, Object last) {
        Object[] result = values.toArray(new Object[values.size() + 1]);
        result[values.size()] = last;
        return result;
    }

    private Comparator<IndexEntry> entryOrder() {
        List<String> fields = index.fields();
        Comparator<IndexEntry> order = (a, b) -> 0;
        for (SortKey key : sort) {
            int at = fields.indexOf(key.field());
            Comparator<IndexEntry> byKey = key.field().equals("_id")
                    ? (a, b) -> ValueComparator.asc().compare(a.position, b.position)
                    : (a, b) -> IndexEntryType.compareValues(a.values[at], b.values[at]);
            order = order.thenComparing(key.direction() < 0 ? byKey.reversed() : byKey);
        }
        return order.thenComparing((a, b) -> ValueComparator.asc().compare(a.position, b.position));
    }
}

package io.taskvault.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The ids a write command touches, when its filters name them exactly; null when it may touch any document. */
final class WrittenIds {

    private WrittenIds() {
    }

    static Collection<Object> of(String command, Map<String, Object> query) {
        return switch (command.toLowerCase(Locale.ROOT)) {
            case "insert" -> each(query.get("documents"), doc -> doc.get("_id"));
            case "update" -> each(query.get("updates"), update -> exactId(update.get("q")));
            case "delete" -> each(query.get("deletes"), delete -> exactId(delete.get("q")));
            case "findandmodify" -> {
                Object id = exactId(query.get("query"));
                yield id == null ? null : id instanceof InIds in ? in.ids() : List.of(id);
            }
            //why: they change indexes or create an empty collection, never a document
            case "createindexes", "dropindexes", "deleteindexes", "create" -> List.of();
            default -> null;
        };
    }

    private static Collection<Object> each(Object list, java.util.function.Function<Map<?, ?>, Object> id) {
        if (!(list instanceof List<?> items)) {
            return null;
        }
        List<Object> ids = new ArrayList<>();
        for (Object item : items) {
            Object value = item instanceof Map<?, ?> map ? id.apply(map) : null;
            if (value == null) {
                return null;
            }
            if (value instanceof InIds in) {
                ids.addAll(in.ids());
            } else {
                ids.add(value);
            }
        }
        return ids;
    }

    //why: {_id: x} names one document, {_id: {$in: [...]}} (archival's deletes of a task's history) names each listed
    private static Object exactId(Object filter) {
        if (filter instanceof Map<?, ?> map) {
            Object id = map.get("_id");
            if (id instanceof Map<?, ?> operators) {
                return operators.size() == 1 && operators.get("$in") instanceof List<?> in
                        && in.stream().allMatch(java.util.Objects::nonNull)
                        ? new InIds(List.copyOf(in)) : null;
            }
            return id;
        }
        return null;
    }

    private record InIds(List<Object> ids) {
    }
}

package io.taskvault.task;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/** Turns a {@link TaskQuery} into a MongoDB query; every user value is a literal, never an operator. */
final class TaskQueries {

    private TaskQueries() {
    }

    static Criteria criteria(TaskQuery q) {
        List<Criteria> all = new ArrayList<>();
        if (!q.states().isEmpty()) {
            all.add(Criteria.where("state").in(q.states().stream().map(Enum::name).toList()));
        }
        if (!q.roles().isEmpty()) {
            all.add(Criteria.where("role").in(q.roles()));
        }
        if (!q.providers().isEmpty()) {
            all.add(Criteria.where("provider").in(q.providers()));
        }
        if (!q.priorities().isEmpty()) {
            all.add(Criteria.where("priority").in(q.priorities().stream().map(Enum::name).toList()));
        }
        in(all, "storyId", q.storyIds());
        in(all, "epicId", q.epicIds());
        in(all, "persona", q.personas());
        if (!q.tags().isEmpty()) {
            all.add(Criteria.where("tags").all(q.tags()));
        }
        if (q.text() != null) {
            for (String word : q.text().split("\\s+")) {
                Pattern pattern = Pattern.compile(Pattern.quote(word), Pattern.CASE_INSENSITIVE);
                all.add(new Criteria().orOperator(Criteria.where("title").regex(pattern),
                        Criteria.where("description").regex(pattern), Criteria.where("key").regex(pattern)));
            }
        }
        range(all, "createdAt", q.createdFrom(), q.createdTo());
        range(all, "updatedAt", q.updatedFrom(), q.updatedTo());
        if (q.cursor() != null) {
            all.add(after(q));
        }
        return all.isEmpty() ? new Criteria() : new Criteria().andOperator(all);
    }

    private static void in(List<Criteria> all, String field, java.util.Set<String> values) {
        if (!values.isEmpty()) {
            all.add(Criteria.where(field).in(values));
        }
    }

    private static void range(List<Criteria> all, String field, Instant from, Instant to) {
        if (from != null && to != null && from.isAfter(to)) {
            throw new InvalidTaskException(field, "range starts (" + from + ") after it ends (" + to + ")");
        }
        if (from != null) {
            all.add(Criteria.where(field).gte(from));
        }
        if (to != null) {
            all.add(Criteria.where(field).lte(to));
        }
    }

    static Query query(TaskQuery q, boolean page) {
        Query query = Query.query(criteria(q));
        Sort.Direction direction = q.descending() ? Sort.Direction.DESC : Sort.Direction.ASC;
        query.with(Sort.by(direction, q.sort().field()).and(Sort.by(direction, "_id")));
        if (page) {
            query.limit(q.limit());
            if (q.cursor() == null) {
                query.skip(q.offset());
            }
        }
        return query;
    }

    /** A cursor pointing just past the given task in the query's order. */
    static String cursorAfter(TaskQuery q, Document last) {
        return cursor(last.get(q.sort().field()), last.getString("_id"));
    }

    private static String cursor(Object value, String id) {
        String encoded = (value instanceof java.util.Date d ? "d:" + d.getTime()
                : value instanceof Number n ? "n:" + n.longValue() : "s:" + value) + "\u0000" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(encoded.getBytes(StandardCharsets.UTF_8));
    }

    private static Criteria after(TaskQuery q) {
        Object[] decoded = decode(q);
        Object value = decoded[0];
        String id = (String) decoded[1];
        String field = q.sort().field();
        Criteria beyond = q.descending() ? Criteria.where(field).lt(value) : Criteria.where(field).gt(value);
        Criteria tie = q.descending() ? Criteria.where(field).is(value).and("_id").lt(id)
                : Criteria.where(field).is(value).and("_id").gt(id);
        return new Criteria().orOperator(beyond, tie);
    }

    private static Object[] decode(TaskQuery q) {
        String decoded;
        try {
            decoded = new String(Base64.getUrlDecoder().decode(q.cursor()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidTaskException("cursor", "is not a cursor this server handed out");
        }
        int split = decoded.indexOf('\u0000');
        if (split < 2 || decoded.charAt(1) != ':') {
            throw new InvalidTaskException("cursor", "is not a cursor this server handed out");
        }
        String raw = decoded.substring(2, split);
        String id = decoded.substring(split + 1);
        Object value;
        try {
            value = switch (decoded.charAt(0)) {
                case 'd' -> new java.util.Date(Long.parseLong(raw));
                case 'n' -> Long.parseLong(raw);
                default -> raw;
            };
        } catch (NumberFormatException e) {
            throw new InvalidTaskException("cursor", "is not a cursor this server handed out");
        }
        return new Object[] {value, id};
    }
}

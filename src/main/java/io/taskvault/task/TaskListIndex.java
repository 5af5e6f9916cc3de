package io.taskvault.task;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import org.bson.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import io.taskvault.store.StoreChanges;
import io.taskvault.store.StoreInfo;

/**
 * An in-memory index of the fields lists filter and sort on, for the embedded engine, which would otherwise scan
 * and sort every task for each page. It is kept fresh from the store's write notifications (they name the ids
 * written, whichever process wrote them), so it is only used by the process that runs the embedded server.
 */
@Component
class TaskListIndex {

    private final TaskStore tasks;
    private final boolean enabled;
    private final Map<Object, Entry> entries = new ConcurrentHashMap<>();
    private final Set<Object> dirty = ConcurrentHashMap.newKeySet();
    private volatile boolean stale = true;

    TaskListIndex(TaskStore tasks, StoreInfo store, StoreChanges changes) {
        this.tasks = tasks;
        this.enabled = store.embeddedServer().isPresent();
        if (enabled) {
            changes.onWrite(Task.COLLECTION, this::written);
        }
    }

    boolean enabled() {
        return enabled;
    }

    private void written(Collection<Object> ids) {
        if (ids == null) {
            stale = true;
        } else {
            dirty.addAll(ids);
        }
    }

    /** The ids of one page, in order, and how many tasks match in all. */
    synchronized Page page(TaskQuery q) {
        refresh();
        Predicate<Entry> filter = filter(q);
        Comparator<Entry> order = order(q);
        List<Entry> matching = entries.values().stream().filter(filter).sorted(order).toList();
        int from = q.offset();
        if (q.cursor() != null) {
            Entry after = TaskQueries.cursorEntry(q);
            from = 0;
            while (from < matching.size() && order.compare(matching.get(from), after) <= 0) {
                from++;
            }
        }
        List<Entry> page = matching.subList(Math.min(from, matching.size()), Math.min(from + q.limit(), matching.size()));
        return new Page(page.stream().map(Entry::rawId).toList(), matching.size(),
                page.isEmpty() ? null : page.get(page.size() - 1));
    }

    private void refresh() {
        if (stale) {
            stale = false;
            dirty.clear();
            entries.clear();
            //why: whole documents, upgraded like every read, so tasks still in an older shape are listed too
            tasks.stream(new Query()).map(tasks::upgraded).forEach(d -> entries.put(d.get("_id"), Entry.of(d)));
            return;
        }
        if (dirty.isEmpty()) {
            return;
        }
        List<Object> ids = new ArrayList<>(dirty);
        dirty.removeAll(ids);
        for (int start = 0; start < ids.size(); start += 1_000) {
            List<Object> batch = ids.subList(start, Math.min(ids.size(), start + 1_000));
            batch.forEach(entries::remove);
            tasks.stream(Query.query(Criteria.where("_id").in(batch))).map(tasks::upgraded)
                    .forEach(d -> entries.put(d.get("_id"), Entry.of(d)));
        }
    }

    private static Predicate<Entry> filter(TaskQuery q) {
        Predicate<Entry> p = e -> true;
        if (!q.states().isEmpty()) {
            Set<String> states = Set.copyOf(q.states().stream().map(Enum::name).toList());
            p = p.and(e -> states.contains(e.state));
        }
        if (!q.roles().isEmpty()) {
            p = p.and(e -> e.role != null && q.roles().contains(e.role));
        }
        if (!q.providers().isEmpty()) {
            p = p.and(e -> e.provider != null && q.providers().contains(e.provider));
        }
        if (!q.priorities().isEmpty()) {
            Set<String> priorities = Set.copyOf(q.priorities().stream().map(Enum::name).toList());
            p = p.and(e -> e.priority != null && priorities.contains(e.priority));
        }
        if (!q.tags().isEmpty()) {
            p = p.and(e -> e.tags.containsAll(q.tags()));
        }
        if (q.text() != null) {
            for (String word : q.text().toLowerCase(Locale.ROOT).split("\\s+")) {
                p = p.and(e -> e.text.contains(word));
            }
        }
        p = p.and(range(Entry::createdAt, q.createdFrom(), q.createdTo()));
        return p.and(range(Entry::updatedAt, q.updatedFrom(), q.updatedTo()));
    }

    private static Predicate<Entry> range(java.util.function.ToLongFunction<Entry> field, java.time.Instant from,
                                          java.time.Instant to) {
        long low = from == null ? Long.MIN_VALUE : from.toEpochMilli();
        long high = to == null ? Long.MAX_VALUE : to.toEpochMilli();
        return e -> field.applyAsLong(e) >= low && field.applyAsLong(e) <= high;
    }

    static Comparator<Entry> order(TaskQuery q) {
        Comparator<Entry> byField = switch (q.sort()) {
            case CREATED -> Comparator.comparingLong(Entry::createdAt);
            case UPDATED -> Comparator.comparingLong(Entry::updatedAt);
            case PRIORITY -> Comparator.comparingLong(Entry::priorityRank);
            case KEY -> Comparator.comparingLong(Entry::keyNumber);
            case TITLE -> Comparator.comparing(Entry::title);
            case STATE -> Comparator.comparing(Entry::state);
        };
        Comparator<Entry> full = byField.thenComparing(Entry::id);
        return q.descending() ? full.reversed() : full;
    }

    /** What a list needs of one task. */
    record Entry(Object rawId, long keyNumber, String title, String text, String state, String role, String provider,
                 String priority, long priorityRank, Set<String> tags, long createdAt, long updatedAt) {

        static Entry of(Document d) {
            String title = d.getString("title") == null ? "" : d.getString("title");
            String text = (title + "\n" + (d.getString("description") == null ? "" : d.getString("description")) + "\n"
                    + (d.getString("key") == null ? "" : d.getString("key"))).toLowerCase(Locale.ROOT);
            List<?> tags = d.get("tags") instanceof List<?> list ? list : List.of();
            return new Entry(d.get("_id"), number(d.get("keyNumber")), title, text,
                    d.getString("state") == null ? "" : d.getString("state"), d.getString("role"), d.getString("provider"),
                    d.getString("priority"), number(d.get("priorityRank")),
                    Set.copyOf(tags.stream().map(String::valueOf).toList()), millis(d.get("createdAt")),
                    millis(d.get("updatedAt")));
        }

        /** The id as text: what cursors carry and what breaks ties in every order. */
        String id() {
            return String.valueOf(rawId);
        }

        private static long number(Object value) {
            return value instanceof Number n ? n.longValue() : 0;
        }

        private static long millis(Object value) {
            return value instanceof Date date ? date.getTime() : 0;
        }
    }

    /** A page of ids in list order, the number of matches, and the last entry (for the next cursor). */
    record Page(List<Object> ids, long total, Entry last) {
    }
}

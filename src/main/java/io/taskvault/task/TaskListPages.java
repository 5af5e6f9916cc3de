package io.taskvault.task;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Predicate;

import io.taskvault.task.TaskListIndex.Entry;

/** Filters, orders and cuts pages of the list index's entries. */
final class TaskListPages {

    private static final int TOP_K_LIMIT = 10_000;

    private TaskListPages() {
    }

    /** One page of the entries, in the query's order, and how many match in all. */
    static TaskListIndex.Page select(Collection<Entry> entries, TaskQuery q) {
        Predicate<Entry> filter = filter(q);
        Comparator<Entry> order = order(q);
        if (q.cursor() != null) {
            Entry after = TaskQueries.cursorEntry(q);
            filter = filter.and(e -> order.compare(e, after) > 0);
        }
        int from = q.cursor() != null ? 0 : q.offset();
        int wanted = from + q.limit();
        List<Entry> page;
        long total;
        if (wanted <= TOP_K_LIMIT) {
            //why: keep only the first offset+limit matches in a bounded heap instead of sorting every match
            PriorityQueue<Entry> top = new PriorityQueue<>(wanted + 1, order.reversed());
            long matches = 0;
            for (Entry e : entries) {
                if (filter.test(e)) {
                    matches++;
                    if (top.size() < wanted) {
                        top.add(e);
                    } else if (order.compare(e, top.peek()) < 0) {
                        top.poll();
                        top.add(e);
                    }
                }
            }
            List<Entry> sorted = new ArrayList<>(top);
            sorted.sort(order);
            page = sorted.subList(Math.min(from, sorted.size()), sorted.size());
            total = matches;
        } else {
            List<Entry> matching = entries.stream().filter(filter).sorted(order).toList();
            page = matching.subList(Math.min(from, matching.size()), Math.min(wanted, matching.size()));
            total = matching.size();
        }
        if (q.cursor() != null) {
            //why: a cursor page counts every match, not only those after the cursor, as before
            total = entries.stream().filter(filter(q)).count();
        }
        return new TaskListIndex.Page(page.stream().map(Entry::rawId).toList(), total,
                page.isEmpty() ? null : page.get(page.size() - 1));
    }

    /** The ids of every matching entry, in the query's order. */
    static List<Object> all(Collection<Entry> entries, TaskQuery q) {
        return entries.stream().filter(filter(q)).sorted(order(q)).map(Entry::rawId).toList();
    }

    static Predicate<Entry> filter(TaskQuery q) {
        Predicate<Entry> p = e -> true;
        if (!q.states().isEmpty()) {
            Set<String> states = Set.copyOf(q.states().stream().map(Enum::name).toList());
            p = p.and(e -> states.contains(e.state()));
        }
        if (!q.roles().isEmpty()) {
            p = p.and(e -> e.role() != null && q.roles().contains(e.role()));
        }
        if (!q.providers().isEmpty()) {
            p = p.and(e -> e.provider() != null && q.providers().contains(e.provider()));
        }
        if (!q.priorities().isEmpty()) {
            Set<String> priorities = Set.copyOf(q.priorities().stream().map(Enum::name).toList());
            p = p.and(e -> e.priority() != null && priorities.contains(e.priority()));
        }
        if (!q.tags().isEmpty()) {
            p = p.and(e -> e.tags().containsAll(q.tags()));
        }
        if (q.text() != null) {
            for (String word : q.text().toLowerCase(Locale.ROOT).split("\\s+")) {
                p = p.and(e -> e.text().contains(word));
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
}

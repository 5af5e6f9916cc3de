package io.taskvault.task;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.HashMap;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

import org.bson.Document;
import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import io.taskvault.store.StoreChanges;
import io.taskvault.store.StoreInfo;

/**
 * An in-memory index of the fields lists filter and sort on, for the embedded engine, which would otherwise scan
 * and sort every task for each page. It is kept fresh from the store's write notifications (they name the ids
 * written, whichever process wrote them), so it is only used by the process that runs the embedded server. It is
 * built in the background at start-up (and after a write that cannot name its ids); a list waits for that build.
 * It also keeps the few fields the statistics count, so they need no pass over the store either.
 */
@Component
class TaskListIndex {

    private static final Logger log = LoggerFactory.getLogger(TaskListIndex.class);
    private static final int TOP_K_LIMIT = 10_000;
    private static final int BATCH = 1_000;
    //why: the fields StatisticsCalculator.projection() reads
    private static final List<String> STATISTICS_FIELDS = List.of("state", "role", "provider", "startedAt", "completedAt",
            "schemaVersion", "status");

    private final TaskStore tasks;
    private final boolean enabled;
    private final Map<Object, Entry> entries = new ConcurrentHashMap<>();
    private final Map<Object, Document> facts = new ConcurrentHashMap<>();
    private final Set<Object> dirty = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean building = new AtomicBoolean();
    private volatile boolean stale = true;
    private volatile boolean ready;
    private volatile Thread applier;

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

    //why: built at start-up in the background, so no list request pays for reading every task
    @EventListener(ApplicationStartedEvent.class)
    void buildAtStartUp() {
        if (enabled) {
            buildInBackground();
            applier = new Thread(this::applyWritesInBackground, "taskvault-list-index-writes");
            applier.setDaemon(true);
            applier.start();
        }
    }

    @PreDestroy
    void stop() {
        Thread running = applier;
        if (running != null) {
            running.interrupt();
        }
    }

    //why: re-reads written tasks a few times a second, so a list request after a burst of writes does not pay for it
    private void applyWritesInBackground() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Thread.sleep(200);
                if (ready && !dirty.isEmpty()) {
                    synchronized (this) {
                        refresh();
                    }
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                log.debug("Could not apply written tasks to the list index yet: {}", e.getMessage());
            }
        }
    }

    private void written(Collection<Object> ids) {
        if (ids == null) {
            stale = true;
            ready = false;
            buildInBackground();
        } else {
            ids.forEach(id -> dirty.add(driverId(id)));
        }
    }

    //why: the server names ids in its own types; the driver (queries, and this index's keys) uses BSON's
    private static Object driverId(Object id) {
        return id instanceof de.bwaldvogel.mongo.bson.ObjectId server ? new org.bson.types.ObjectId(server.toByteArray()) : id;
    }

    private void buildInBackground() {
        if (!building.compareAndSet(false, true)) {
            return;
        }
        Thread builder = new Thread(() -> {
            try {
                while (stale) {
                    build();
                }
                ready = !stale;
            } catch (RuntimeException e) {
                log.warn("Could not build the task list index; lists ask the store until the next write", e);
            } finally {
                building.set(false);
                synchronized (building) {
                    building.notifyAll();
                }
            }
            if (stale) {
                buildInBackground();
            }
        }, "taskvault-list-index");
        builder.setDaemon(true);
        builder.start();
    }

    private void build() {
        long start = System.nanoTime();
        stale = false;
        //why: cleared before reading, so a write that lands while the build reads is applied again afterwards
        dirty.clear();
        Map<Object, Entry> freshEntries = new HashMap<>();
        Map<Object, Document> freshFacts = new HashMap<>();
        //why: the embedded engine holds every document a query matches in memory at once; ids first, then whole
        // documents a batch at a time (an _id $in query is answered from the _id index) keeps the heap bounded
        Query idsOnly = new Query();
        idsOnly.fields().include("_id");
        List<Object> ids = new ArrayList<>();
        tasks.stream(idsOnly).forEach(d -> ids.add(d.get("_id")));
        for (int from = 0; from < ids.size(); from += BATCH) {
            read(ids.subList(from, Math.min(ids.size(), from + BATCH)), freshEntries, freshFacts);
        }
        synchronized (this) {
            entries.clear();
            entries.putAll(freshEntries);
            facts.clear();
            facts.putAll(freshFacts);
        }
        log.info("Task list index built: {} tasks in {} ms", freshEntries.size(), (System.nanoTime() - start) / 1_000_000);
    }

    /** Whether the index is built (statistics then count from it instead of reading every task). */
    boolean ready() {
        return ready;
    }

    /**
     * Waits for the build in progress (started at start-up, so usually done or nearly), or builds now if none runs:
     * lists are answered from the index only, since the store alone cannot list tasks in older shapes.
     */
    private void awaitBuilt() {
        synchronized (building) {
            while (!ready && building.get()) {
                try {
                    building.wait(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while the task list index was being built", e);
                }
            }
        }
        if (!ready) {
            synchronized (this) {
                while (stale) {
                    build();
                }
                ready = true;
            }
        }
    }

    /** The statistics' projection of every task, fresh as of the last write notification. */
    synchronized List<Document> facts() {
        refresh();
        return List.copyOf(facts.values());
    }

    /** The ids of one page, in order, and how many tasks match in all. */
    Page page(TaskQuery q) {
        awaitBuilt();
        synchronized (this) {
            refresh();
            return pageOf(q);
        }
    }

    private Page pageOf(TaskQuery q) {
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
            for (Entry e : entries.values()) {
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
            List<Entry> matching = entries.values().stream().filter(filter).sorted(order).toList();
            page = matching.subList(Math.min(from, matching.size()), Math.min(wanted, matching.size()));
            total = matching.size();
        }
        if (q.cursor() != null) {
            //why: a cursor page counts every match, not only those after the cursor, as before
            total = entries.values().stream().filter(filter(q)).count();
        }
        return new Page(page.stream().map(Entry::rawId).toList(), total,
                page.isEmpty() ? null : page.get(page.size() - 1));
    }

    private void refresh() {
        if (dirty.isEmpty()) {
            return;
        }
        List<Object> ids = new ArrayList<>(dirty);
        dirty.removeAll(ids);
        for (int start = 0; start < ids.size(); start += BATCH) {
            List<Object> batch = ids.subList(start, Math.min(ids.size(), start + BATCH));
            batch.forEach(entries::remove);
            batch.forEach(facts::remove);
            read(batch, entries, facts);
        }
    }

    //why: whole documents, upgraded like every read, so tasks still in an older shape are listed too
    private void read(List<Object> ids, Map<Object, Entry> intoEntries, Map<Object, Document> intoFacts) {
        tasks.stream(Query.query(Criteria.where("_id").in(ids))).forEach(raw -> {
            Document counted = facts(raw);
            Document d = tasks.upgraded(raw);
            intoEntries.put(d.get("_id"), Entry.of(d));
            intoFacts.put(d.get("_id"), counted);
        });
    }

    //why: from the stored document, before any upgrade: statistics count the schema versions as stored
    private static Document facts(Document task) {
        Document facts = new Document();
        for (String field : STATISTICS_FIELDS) {
            Object value = task.get(field);
            if (value != null) {
                facts.put(field, value);
            }
        }
        return facts;
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

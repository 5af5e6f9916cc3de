package io.taskvault.task;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.HashMap;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PreDestroy;

import org.bson.Document;
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
    private static final int BATCH = 1_000;
    //why: the fields StatisticsCalculator.projection() reads
    private static final List<String> STATISTICS_FIELDS = List.of("state", "role", "provider", "startedAt", "completedAt",
            "schemaVersion", "status");

    private final TaskStore tasks;
    private final StoreInfo store;
    private final boolean enabled;
    private final ListEntries entries = new ListEntries();
    private final Map<Object, Document> facts = new ConcurrentHashMap<>();
    //why: the statistics' counts of every task, kept as tasks change: a pass over every task's facts took about a
    //    second at 1,000,000 tasks, longer than the statistics may be stale
    private StatisticsCalculator counted = new StatisticsCalculator();
    private final Set<Object> dirty = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean building = new AtomicBoolean();
    private volatile boolean stale = true;
    private volatile boolean ready;
    private volatile Thread applier;

    TaskListIndex(TaskStore tasks, StoreInfo store, StoreChanges changes) {
        this.tasks = tasks;
        this.store = store;
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
        ListEntries freshEntries = new ListEntries();
        Map<Object, Document> freshFacts = new HashMap<>();
        //why: read from the store's pages in this process, not by queries: the engine holds every document a query
        //    matches in memory at once, and reading them a batch at a time by _id held the tasks' lock for most of
        //    the build (minutes at 1,000,000 tasks, each lookup deserializing the engine's index keys)
        tasks.forEachStored(raw -> true, raw -> read(raw, freshEntries, freshFacts));
        StatisticsCalculator freshCounted = new StatisticsCalculator();
        freshFacts.values().forEach(freshCounted::add);
        synchronized (this) {
            entries.replaceWith(freshEntries);
            facts.clear();
            facts.putAll(freshFacts);
            counted = freshCounted;
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

    /** The statistics' counts of every task, fresh as of the last write notification; the caller's own copy. */
    synchronized StatisticsCalculator counted() {
        refresh();
        return counted.copy();
    }

    /** The ids of one page, in order, and how many tasks match in all. */
    Page page(TaskQuery q) {
        return withCandidates(q, candidates -> TaskListPages.select(candidates, q));
    }

    /** The ids of every task the query matches, in its order, whatever its limit, offset and cursor. */
    List<Object> ids(TaskQuery q) {
        return withCandidates(q, candidates -> TaskListPages.all(candidates, q.withCursor(null)));
    }

    /** Runs {@code use} on the fresh entries in the query's states (all of them when it names none). */
    private <T> T withCandidates(TaskQuery q, java.util.function.Function<Collection<Entry>, T> use) {
        awaitBuilt();
        synchronized (this) {
            refresh();
            return use.apply(entries.inStates(q.states()));
        }
    }

    private void refresh() {
        if (dirty.isEmpty()) {
            return;
        }
        List<Object> ids = new ArrayList<>(dirty);
        dirty.removeAll(ids);
        for (int start = 0; start < ids.size(); start += BATCH) {
            List<Object> batch = ids.subList(start, Math.min(ids.size(), start + BATCH));
            for (Object id : batch) {
                entries.remove(id);
                Document before = facts.remove(id);
                if (before != null) {
                    counted.remove(before);
                }
            }
            read(batch, entries, facts);
            for (Object id : batch) {
                Document now = facts.get(id);
                if (now != null) {
                    counted.add(now);
                }
            }
        }
    }

    private void read(List<Object> ids, ListEntries intoEntries, Map<Object, Document> intoFacts) {
        tasks.stream(Query.query(Criteria.where("_id").in(ids))).forEach(raw -> read(raw, intoEntries, intoFacts));
    }

    //why: whole documents, upgraded like every read, so tasks still in an older shape are listed too
    private void read(Document raw, ListEntries intoEntries, Map<Object, Document> intoFacts) {
        Document counted = facts(raw);
        //why: keyed by the stored _id, which write notifications name; an upgrade may give the task another
        //    form of it (a v1 ObjectId becomes its hex string), and an entry under that key would never be dropped
        Object storedId = raw.get("_id");
        Document d = new Document(tasks.upgraded(raw));
        d.put("_id", storedId);
        intoEntries.put(storedId, Entry.of(d));
        intoFacts.put(storedId, counted);
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

package io.taskvault.task;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.BiFunction;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;

/**
 * The statistics' running counters: one document in the store that every write of a task's counted facts moves by
 * {@code $inc}, in the same code that writes the task, by any process on the store. A read is one small document.
 * The task write and its counters' write are two writes (the embedded engine has no transactions): a process that
 * dies between them leaves the counters off, which {@link StatisticsRecount} repairs.
 */
@Component
class StatisticsCounters {

    static final String COLLECTION = "task_statistics";
    static final String ID = "tasks";
    static final String WRITES = "writes";

    private final MongoTemplate mongo;
    //why: a change holds the read side from its task write to its counters' write; a recount takes the write side
    //    for a moment at its start and end, so no change of this process is ever half done at either point
    private final ReentrantReadWriteLock changes = new ReentrantReadWriteLock();
    private final ReentrantLock windows = new ReentrantLock();
    private volatile RecountWindow window;

    StatisticsCounters(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    private MongoCollection<Document> collection() {
        return mongo.getCollection(COLLECTION);
    }

    /** Begins a change of these tasks' documents; the change records what it did before it is closed. */
    Change change(String taskId) {
        return change(List.of(taskId));
    }

    Change change(Collection<String> taskIds) {
        changes.readLock().lock();
        RecountWindow open = window;
        if (open != null) {
            open.touched(taskIds);
        }
        return new Change(open);
    }

    /** The counters document, if the store has one. */
    Optional<Document> read() {
        return Optional.ofNullable(collection().find(Filters.eq("_id", ID)).first());
    }

    /** Opens a window in which every change of this process is logged; one at a time, closed by the same thread. */
    RecountWindow openWindow() {
        windows.lock();
        changes.writeLock().lock();
        try {
            window = new RecountWindow(read().map(StatisticsCounters::writes).orElse(0L));
            return window;
        } catch (RuntimeException e) {
            windows.unlock();
            throw e;
        } finally {
            changes.writeLock().unlock();
        }
    }

    /**
     * Closes the window. When every counted write since it opened was this process's (logged in it), asks
     * {@code replacement} for new counters, given the window and the counters now (null: none); a non-null answer
     * replaces them. Returns whether it did.
     */
    boolean closeWindow(RecountWindow closing, BiFunction<RecountWindow, Document, Document> replacement) {
        changes.writeLock().lock();
        try {
            window = null;
            if (replacement == null) {
                return false;
            }
            Document current = read().orElse(null);
            long writes = current == null ? 0 : writes(current);
            if (writes - closing.startWrites() != closing.loggedWrites()) {
                return false;
            }
            Document counters = replacement.apply(closing, current);
            if (counters == null) {
                return false;
            }
            counters.append("_id", ID).append(WRITES, writes);
            if (current == null) {
                return insertIfAbsent(counters);
            }
            //why: conditional on the write count, so a counted write of another process that came in meanwhile wins
            return collection().replaceOne(Filters.and(Filters.eq("_id", ID), Filters.eq(WRITES, writes)), counters)
                    .getMatchedCount() == 1;
        } finally {
            changes.writeLock().unlock();
            windows.unlock();
        }
    }

    private boolean insertIfAbsent(Document counters) {
        try {
            collection().insertOne(counters);
            return true;
        } catch (MongoWriteException e) {
            return false;
        }
    }

    static long writes(Document counters) {
        return counters.get(WRITES) instanceof Number n ? n.longValue() : 0;
    }

    //why: not an upsert: counters exist only from a recount on, so a store without them (new, or kept by a taskvault
    //    that had none) is known to need one, and a write's difference is never taken for a count
    private boolean increment(Document inc) {
        inc.append(WRITES, 1L);
        return collection().updateOne(Filters.eq("_id", ID), new Document("$inc", inc)).getMatchedCount() == 1;
    }

    /** How one task's counted facts changed (null: the document did not exist). */
    record Counted(String taskId, CountedFacts before, CountedFacts after) {
    }

    /** One change in progress; closing it lets a waiting recount go on. */
    final class Change implements AutoCloseable {

        private final RecountWindow window;
        private boolean closed;

        private Change(RecountWindow window) {
            this.window = window;
        }

        /** Records that the task's document went from {@code before} to {@code after} (null: it did not exist). */
        void record(String taskId, CountedFacts before, CountedFacts after) {
            recordAll(List.of(new Counted(taskId, before, after)));
        }

        /** Records several tasks' changes with one write of the counters. */
        void recordAll(List<Counted> changed) {
            StatisticsCalculator delta = new StatisticsCalculator();
            changed.forEach(task -> {
                delta.remove(task.before());
                delta.add(task.after());
            });
            Document inc = delta.increments();
            boolean counted = !inc.isEmpty() && increment(inc);
            if (window != null) {
                changed.forEach(task -> window.logged(task.taskId(), task.before(), task.after()));
                if (counted) {
                    window.countedWrite();
                }
            }
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                changes.readLock().unlock();
            }
        }
    }
}

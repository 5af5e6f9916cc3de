package io.taskvault.task;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import com.google.common.util.concurrent.Striped;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;

import io.taskvault.store.StoreChanges;
import io.taskvault.store.StoreInfo;
import io.taskvault.task.history.EventType;
import io.taskvault.task.history.HistoryEvent;

/**
 * Writes every change as two steps that a crash between cannot corrupt: the hash-chained event first (its
 * {@code <taskId>:<seq>} key makes it the point where concurrent writers are ordered), then the task's
 * projection. A reader that finds an event beyond the projection rolls it forward.
 */
@Component
class TaskWriter {

    private static final Logger log = LoggerFactory.getLogger(TaskWriter.class);
    static final int MAX_ATTEMPTS = 25;

    private final TaskStore tasks;
    private final HistoryStore history;
    private final TaskDocuments documents;
    private final StoreChanges changes;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final StoreInfo store;
    private final StatisticsCounters counters;
    //why: writers of one task in this JVM queue up instead of racing; the seq key still orders other processes
    private final Striped<Lock> locks = Striped.lock(1024);

    TaskWriter(TaskStore tasks, HistoryStore history, TaskDocuments documents, StoreChanges changes, Clock clock,
               ApplicationEventPublisher events, StoreInfo store, StatisticsCounters counters) {
        this.events = events;
        this.counters = counters;
        this.store = store;
        this.tasks = tasks;
        this.history = history;
        this.documents = documents;
        this.changes = changes;
        this.clock = clock;
    }

    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /** Stores a new task (already given id, key and timestamps) with its CREATED event. */
    Task create(Task task) {
        task.setVersion(1);
        task.setUpdatedAt(task.getCreatedAt());
        //why: converted once for both the event's diff and the insert; the hash, known only once the event is sealed,
        //    takes the place a placeholder holds, so the stored field order is the converter's
        task.historySealed(1, "");
        Document stored = documents.toDocument(task);
        Document sealed = history.seal(documents.createdEvent(task, stored));
        String hash = sealed.getString("hash");
        task.historySealed(1, hash);
        stored.put("historyHash", hash);
        //why: the task goes first; if the event is lost to a crash it is rebuilt from the task, byte for byte
        try (StatisticsCounters.Change counted = counters.change(task.getId())) {
            store.asOneChange(() -> {
                tasks.insert(stored);
                counted.record(task.getId(), null, CountedFacts.of(task));
                history.insert(sealed);
                return null;
            });
        }
        changes.written(Task.COLLECTION);
        events.publishEvent(new TaskChanged(task, EventType.CREATED, null, task.getState(), task.getCreatedBy()));
        return task;
    }

    /**
     * Applies a change computed from the task's fresh state, retrying when another writer got there first. The
     * mutation is handed a task of its own to change (and to return in its {@link TaskChange}).
     */
    Task change(String id, String actor, Function<Task, Optional<TaskChange>> mutation) {
        TaskChanged[] published = new TaskChanged[1];
        Task result = changeLocked(id, actor, mutation, published);
        if (published[0] != null) {
            events.publishEvent(published[0]);
        }
        return result;
    }

    private Task changeLocked(String id, String actor, Function<Task, Optional<TaskChange>> mutation,
                              TaskChanged[] published) {
        Lock lock = locks.get(id);
        lock.lock();
        try {
            for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
                Task current = load(id).orElseThrow(() -> new TaskNotFoundException(id));
                //why: the diff needs the task as it was; the mutation changes a copy read from that same stored form
                Document before = documents.toDocument(current);
                Optional<TaskChange> change = mutation.apply(documents.read(before));
                if (change.isEmpty()) {
                    return current;
                }
                Optional<Task> written = tryWrite(current, before, change.get(), actor);
                if (written.isPresent()) {
                    changes.written(Task.COLLECTION);
                    published[0] = new TaskChanged(written.get(), change.get().type(), current.getState(),
                            written.get().getState(), actor);
                    return written.get();
                }
                log.debug("Lost the race for task {} (attempt {}), retrying on fresh state", current.getKey(), attempt);
            }
            throw new ConcurrentTaskModificationException(id, "gave up after " + MAX_ATTEMPTS + " attempts");
        } finally {
            lock.unlock();
        }
    }

    private Optional<Task> tryWrite(Task current, Document before, TaskChange change, String actor) {
        Task next = change.next();
        long seq = current.getVersion() + 1;
        Instant at = now();
        HistoryEvent event = HistoryEvent.of(current.getId(), seq, change.type())
                .moved(current.getState(), next.getState()).at(at).by(actor).ai(next.getProvider(), next.getModel())
                .reason(change.reason()).errorMessage(change.errorMessage()).details(change.details())
                .changes(documents.diffSince(before, next)).after(current.getHistoryHash()).build();
        Document sealed = history.seal(event);
        try (StatisticsCounters.Change counted = counters.change(current.getId())) {
            if (!store.asOneChange(() -> writeEventThenProjection(current, change, sealed, seq, counted))) {
                return Optional.empty();
            }
        }
        next.setVersion(seq);
        next.historySealed(seq, sealed.getString("hash"));
        next.setUpdatedAt(at);
        return Optional.of(next);
    }

    /** False when another writer stored this seq first. */
    private boolean writeEventThenProjection(Task current, TaskChange change, Document sealed, long seq,
                                             StatisticsCounters.Change counted) {
        try {
            history.insert(sealed);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
        change.afterEvent().accept(sealed.getString("_id"));
        HistoryEvent stored = history.read(sealed);
        Optional<Document> before = tasks.apply(stored);
        before.ifPresent(facts -> counted.record(current.getId(), CountedFacts.of(facts),
                CountedFacts.after(facts, stored.changes())));
        if (before.isEmpty()) {
            Task fresh = tasks.byId(current.getId()).orElseThrow(() -> new TaskNotFoundException(current.getId()));
            if (fresh.getVersion() < seq) {
                throw new ConcurrentTaskModificationException(current.getKey(), "its projection moved unexpectedly");
            }
        }
        return true;
    }

    /** The task's projection, after rolling forward any event a crash left unapplied. */
    Optional<Task> load(String id) {
        return rolledForward(id, tasks.byId(id));
    }

    /** The task's projection from a copy just read, after rolling forward any event a crash left unapplied. */
    Optional<Task> current(Task read) {
        return rolledForward(read.getId(), Optional.of(read));
    }

    private Optional<Task> rolledForward(String id, Optional<Task> read) {
        Optional<Task> task = read;
        while (task.isPresent()) {
            long version = task.get().getVersion();
            if (version < 0) {
                return task; // not yet adopted by the schema upgrade: it has no history chain to roll forward
            }
            String head = HistoryEvent.idOf(id, version);
            String next = HistoryEvent.idOf(id, version + 1);
            //why: every read of a task comes here; ask for ids only and fetch a whole event just when one is pending
            List<String> found = history.existing(List.of(head, next));
            if (!found.contains(head) && version == 1) {
                rebuildCreatedEvent(task.get());
            }
            if (!found.contains(next)) {
                return task;
            }
            rollForward(history.events(id, version + 1, version + 1).get(0));
            task = tasks.byId(id);
        }
        return task;
    }

    void rollForward(HistoryEvent event) {
        //why: asked before applying: once this reader has applied the event, its writer finds it applied, finishes and
        //    lets go of the lock, so asking afterwards took a writer of this process for a crash
        boolean beingWritten = locks.get(event.taskId()) instanceof ReentrantLock held && held.isLocked();
        Optional<Document> before;
        try (StatisticsCounters.Change counted = counters.change(event.taskId())) {
            before = tasks.apply(event);
            before.ifPresent(facts -> counted.record(event.taskId(), CountedFacts.of(facts),
                    CountedFacts.after(facts, event.changes())));
        }
        if (before.isPresent()) {
            //why: a reader also overtakes a writer of this process between its event and its projection (often under
            //    contention); only an event nobody here is writing was left by a crash or by another process
            if (beingWritten) {
                log.debug("Applied event {} of task {} ahead of its writer", event.seq(), event.taskId());
            } else {
                log.warn("Rolled task {} forward to event {} that a crash (or another process) had left unapplied",
                        event.taskId(), event.seq());
            }
            changes.written(Task.COLLECTION);
        }
    }

    void rebuildCreatedEvent(Task task) {
        Document sealed = history.seal(documents.createdEvent(task));
        if (!sealed.getString("hash").equals(task.getHistoryHash())) {
            log.error("Task {} lost its CREATED event and it cannot be rebuilt identically", task.getKey());
            return;
        }
        try {
            history.insert(sealed);
            log.warn("Rebuilt the CREATED event of task {} that a crash had lost", task.getKey());
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }
}

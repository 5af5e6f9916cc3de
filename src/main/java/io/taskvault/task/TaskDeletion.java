package io.taskvault.task;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import com.mongodb.client.model.Filters;

import io.taskvault.store.StoreChanges;
import io.taskvault.task.deletion.ArchivedSubjects;
import io.taskvault.task.deletion.DeletionSubject;
import io.taskvault.task.deletion.TaskDeleted;
import io.taskvault.task.deletion.TaskRemnants;
import io.taskvault.task.deletion.Tombstone;
import io.taskvault.task.deletion.TombstoneStore;

/**
 * Deletes a task for good, in steps a crash cannot leave unaccounted for: the tombstone first (DELETING, with the
 * chain's head), then the task's document, its outputs (GridFS too) and history, then what other features keep about
 * it ({@link TaskRemnants}: edges, context, the archive), and last the tombstone is marked DELETED. Every step may be
 * repeated, so deleting a tombstoned task again, or the next start-up, finishes a delete cut short.
 */
@Component
class TaskDeletion {

    private static final Logger log = LoggerFactory.getLogger(TaskDeletion.class);
    private static final int ATTEMPTS = 25;

    private final TaskLookup lookup;
    private final TaskStore tasks;
    private final RawTaskDocuments documents;
    private final TombstoneStore tombstones;
    private final ObjectProvider<TaskRemnants> remnants;
    private final ObjectProvider<ArchivedSubjects> archive;
    private final StoreChanges changes;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final StatisticsCounters counters;

    TaskDeletion(TaskLookup lookup, TaskStore tasks, RawTaskDocuments documents, TombstoneStore tombstones,
                 ObjectProvider<TaskRemnants> remnants, ObjectProvider<ArchivedSubjects> archive, StoreChanges changes,
                 ApplicationEventPublisher events, Clock clock, StatisticsCounters counters) {
        this.counters = counters;
        this.lookup = lookup;
        this.tasks = tasks;
        this.documents = documents;
        this.tombstones = tombstones;
        this.remnants = remnants;
        this.archive = archive;
        this.changes = changes;
        this.events = events;
        this.clock = clock;
    }

    /** Deletes the task (hot or archived) or finishes an earlier delete of it; answers with its tombstone. */
    Tombstone delete(String reference, String actor, String reason) {
        Optional<DeletionSubject> subject = hot(reference).or(() -> archived(reference));
        if (subject.isEmpty()) {
            //why: a task already tombstoned: its delete may have been cut short, so it is run to the end again
            Tombstone earlier = tombstones.find(reference).orElseThrow(() -> new TaskNotFoundException(reference));
            return finish(earlier);
        }
        return finish(tombstones.begin(Tombstone.deleting(subject.get(), actor, now(), reason)));
    }

    //why: after CrashRepair (order 0), so any task it completes is whole before its delete goes on
    @EventListener(ApplicationStartedEvent.class)
    @Order(1)
    public void onStart() {
        int finished = finishInterrupted();
        if (finished > 0) {
            log.warn("Finished {} task deletes that an earlier process had left half done", finished);
        }
    }

    /** Finishes every delete a crash (or a failure) left DELETING; returns how many. */
    int finishInterrupted() {
        List<Tombstone> unfinished = tombstones.unfinished();
        unfinished.forEach(this::finish);
        return unfinished.size();
    }

    private Tombstone finish(Tombstone tombstone) {
        Tombstone current = removeTaskDocument(tombstone);
        documents.removeRemainsOf(current.id());
        remnants.orderedStream().forEach(r -> r.remove(current));
        if (current.finished()) {
            return current;
        }
        Tombstone done = tombstones.finish(current.id(), now());
        changes.written(Task.COLLECTION);
        log.info("Deleted task {} ({}) for {}: {}", done.key(), done.id(), done.deletedBy(), done.reason());
        events.publishEvent(new TaskDeleted(done));
        return done;
    }

    /**
     * Removes the task's document at the version the tombstone names; a writer that got in after the tombstone was
     * written moves the tombstone's head along first, so it always names the last event the task had.
     */
    private Tombstone removeTaskDocument(Tombstone tombstone) {
        Tombstone current = tombstone;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Document projection = new Document("version", 1).append("historyHash", 1);
            CountedFacts.FIELDS.forEach(field -> projection.append(field, 1));
            Document task = tasks.collection().find(Filters.eq("_id", current.id())).projection(projection).first();
            if (task == null) {
                return current;
            }
            long version = ((Number) task.get("version")).longValue();
            String hash = task.getString("historyHash");
            if (version != current.events() || !java.util.Objects.equals(hash, current.headHash())) {
                tombstones.head(current.id(), hash, version);
                current = current.withHead(hash, version);
            }
            try (StatisticsCounters.Change counted = counters.change(current.id())) {
                if (tasks.collection().deleteOne(Filters.and(Filters.eq("_id", current.id()),
                        Filters.eq("version", version))).getDeletedCount() == 1) {
                    counted.record(current.id(), CountedFacts.of(task), null);
                    return current;
                }
            }
        }
        throw new ConcurrentTaskModificationException(tombstone.key(), "kept changing while it was being deleted");
    }

    private Optional<DeletionSubject> hot(String reference) {
        try {
            Task task = tasks.byId(lookup.resolve(reference)).orElseThrow(() -> new TaskNotFoundException(reference));
            return Optional.of(new DeletionSubject(task.getId(), task.getKey(), task.getTitle(), task.getHistoryHash(),
                    task.getVersion(), task.getState() == TaskState.ARCHIVED));
        } catch (TaskNotFoundException e) {
            return Optional.empty();
        }
    }

    private Optional<DeletionSubject> archived(String reference) {
        ArchivedSubjects found = archive.getIfAvailable();
        return found == null ? Optional.empty() : found.find(reference);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}

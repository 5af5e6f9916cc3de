package io.taskvault.task;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bson.Document;
import org.springframework.stereotype.Component;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;

import io.taskvault.store.StoreChanges;
import io.taskvault.task.history.EventType;
import io.taskvault.task.history.FieldChange;
import io.taskvault.task.history.HistoryEvent;

/**
 * Stores an imported task with the history it had in its source system: a CREATED event at its original time,
 * then one STATE_CHANGED event per recorded change (original time, actor and reason), all on one hash chain,
 * and a final IMPORTED event if the source's current state differs from where its history ends.
 */
@Component
public class ImportWriter {

    /** One state change as the source recorded it. */
    public record PastChange(Instant at, TaskState from, TaskState to, String actor, String reason,
                             Map<String, Object> details) {
    }

    private final TaskStore tasks;
    private final HistoryStore history;
    private final TaskDocuments documents;
    private final KeySequence keys;
    private final StoreChanges changes;
    private final StatisticsCounters counters;

    ImportWriter(TaskStore tasks, HistoryStore history, TaskDocuments documents, KeySequence keys, StoreChanges changes,
                 StatisticsCounters counters) {
        this.counters = counters;
        this.tasks = tasks;
        this.history = history;
        this.documents = documents;
        this.keys = keys;
        this.changes = changes;
    }

    public Optional<Task> byExternalId(String externalId) {
        return tasks.byExternalId(externalId);
    }

    /**
     * Validates the task (from a draft, with the source's state and times set on it) and stores it with its past;
     * a task already imported under the same external id is returned instead.
     */
    public Task write(Task imported, List<PastChange> past, String actor) {
        imported.validate();
        Optional<Task> existing = tasks.byExternalId(imported.getExternalId());
        if (existing.isPresent()) {
            return existing.get();
        }
        Task task = documents.copy(imported);
        task.setId(TaskIds.next());
        task.setKey(keys.next());
        TaskState finalState = task.getState();
        TaskState first = past.isEmpty() ? finalState : past.get(0).from() == null ? past.get(0).to() : past.get(0).from();
        task.setState(first);
        Instant createdAt = task.getCreatedAt();
        Instant updatedAt = task.getUpdatedAt() == null ? createdAt : task.getUpdatedAt();
        List<Document> sealed = new ArrayList<>();
        sealed.add(history.seal(event(task, 1, EventType.CREATED, null, task.getState(), createdAt,
                task.getCreatedBy(), "created", Map.of(), documents.diff(null, task), null)));
        for (PastChange change : past) {
            sealed.add(move(sealed, task, change.to(), EventType.STATE_CHANGED, change.at(), change.actor(),
                    change.reason(), change.details()));
        }
        if (task.getState() != finalState) {
            sealed.add(move(sealed, task, finalState, EventType.IMPORTED, updatedAt, actor,
                    "state as found in the source", Map.of()));
        }
        task.setVersion(sealed.size());
        task.historySealed(sealed.size(), sealed.get(sealed.size() - 1).getString("hash"));
        task.setUpdatedAt(updatedAt);
        //why: events first, the task last: a crash leaves only unreachable events, and a re-import starts afresh
        sealed.forEach(history::insert);
        try (StatisticsCounters.Change counted = counters.change(task.getId())) {
            tasks.insert(task);
            counted.record(task.getId(), null, CountedFacts.of(task));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return tasks.byExternalId(imported.getExternalId()).orElseThrow(() -> e);
            }
            throw e;
        }
        changes.written(Task.COLLECTION);
        return task;
    }

    /** Moves the task to {@code to} as the source recorded it, and seals the event that says so. */
    private Document move(List<Document> sealed, Task task, TaskState to, EventType type, Instant at, String actor,
                          String reason, Map<String, Object> details) {
        long seq = sealed.size() + 1;
        String prev = sealed.get(sealed.size() - 1).getString("hash");
        Document before = documents.toDocument(task);
        TaskState from = task.getState();
        task.setState(to);
        return history.seal(event(task, seq, type, from, to, at, actor, reason, details == null ? Map.of() : details,
                documents.diffSince(before, task), prev));
    }

    private static HistoryEvent event(Task task, long seq, EventType type, TaskState from, TaskState to, Instant at,
                                      String actor, String reason, Map<String, Object> details,
                                      Map<String, FieldChange> diff, String prevHash) {
        return HistoryEvent.of(task.getId(), seq, type).moved(from, to).at(at).by(TaskService.actorOf(actor))
                .ai(task.getProvider(), task.getModel()).reason(reason).details(details).changes(diff).after(prevHash)
                .build();
    }
}

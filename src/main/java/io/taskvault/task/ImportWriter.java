package io.taskvault.task;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

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

    ImportWriter(TaskStore tasks, HistoryStore history, TaskDocuments documents, KeySequence keys, StoreChanges changes) {
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
        Task task = imported.copy();
        task.setId(UUID.randomUUID().toString());
        task.setKey(keys.next());
        TaskState finalState = task.getState();
        TaskState first = past.isEmpty() ? finalState : past.get(0).from() == null ? past.get(0).to() : past.get(0).from();
        task.setState(first);
        Instant createdAt = task.getCreatedAt();
        List<Document> sealed = new ArrayList<>();
        Task current = task.copy();
        sealed.add(history.seal(event(current, 1, EventType.CREATED, null, current.getState(), createdAt,
                current.getCreatedBy(), "created", Map.of(), documents.diff(null, current), null)));
        for (PastChange change : past) {
            Task next = current.copy();
            next.setState(change.to());
            sealed.add(append(sealed, current, next, EventType.STATE_CHANGED, change.at(), change.actor(),
                    change.reason(), change.details()));
            current = next;
        }
        if (current.getState() != finalState) {
            Task next = current.copy();
            next.setState(finalState);
            Instant at = task.getUpdatedAt() == null ? createdAt : task.getUpdatedAt();
            sealed.add(append(sealed, current, next, EventType.IMPORTED, at, actor, "state as found in the source",
                    Map.of()));
            current = next;
        }
        current.setVersion(sealed.size());
        current.setHistorySeq(sealed.size());
        current.setHistoryHash(sealed.get(sealed.size() - 1).getString("hash"));
        current.setUpdatedAt(task.getUpdatedAt() == null ? createdAt : task.getUpdatedAt());
        //why: events first, the task last: a crash leaves only unreachable events, and a re-import starts afresh
        sealed.forEach(history::insert);
        try {
            tasks.insert(current);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return tasks.byExternalId(imported.getExternalId()).orElseThrow(() -> e);
            }
            throw e;
        }
        changes.written(Task.COLLECTION);
        return current;
    }

    private Document append(List<Document> sealed, Task before, Task after, EventType type, Instant at, String actor,
                            String reason, Map<String, Object> details) {
        long seq = sealed.size() + 1;
        String prev = sealed.get(sealed.size() - 1).getString("hash");
        Map<String, FieldChange> diff = documents.diff(before, after);
        return history.seal(event(after, seq, type, before.getState(), after.getState(), at, actor, reason,
                details == null ? Map.of() : details, diff, prev));
    }

    private static HistoryEvent event(Task task, long seq, EventType type, TaskState from, TaskState to, Instant at,
                                      String actor, String reason, Map<String, Object> details,
                                      Map<String, FieldChange> diff, String prevHash) {
        return new HistoryEvent(HistoryEvent.idOf(task.getId(), seq), task.getId(), seq, type, from, to, at,
                TaskService.actorOf(actor), task.getProvider(), task.getModel(), reason, null, details, diff, prevHash,
                null, HistoryEvent.SCHEMA_VERSION);
    }
}

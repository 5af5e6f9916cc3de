package io.taskvault.archive;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.DocumentCodec;
import org.springframework.stereotype.Service;

import io.taskvault.task.RawTaskDocuments;
import io.taskvault.task.RawTaskDocuments.Raw;
import io.taskvault.task.Task;
import io.taskvault.task.TaskNotFoundException;
import io.taskvault.task.TaskService;
import io.taskvault.task.TaskState;
import io.taskvault.task.history.ChainReport;
import io.taskvault.task.history.HashChain;

/**
 * Moves one task between the hot collections and the archive. Archiving is three steps, each safe to repeat:
 * the ARCHIVED transition (state machine, history), the bundle, then removal from the hot collections. A task
 * found ARCHIVED in the hot collections is a move a crash interrupted, and {@link #resume()} finishes it.
 */
@Service
public class Archive {

    static final String ACTOR = "archival";

    private final TaskService tasks;
    private final RawTaskDocuments documents;
    private final ArchiveStore store;

    Archive(TaskService tasks, RawTaskDocuments documents, ArchiveStore store) {
        this.tasks = tasks;
        this.documents = documents;
        this.store = store;
    }

    /** Archives a finished task read at {@code task.getVersion()}; returns the bytes moved and their bundle's size. */
    Moved archive(Task task, String reason, Map<String, Object> details) {
        tasks.transition(task.getId(), TaskState.ARCHIVED, ACTOR, reason, details, task.getVersion());
        return finishArchiving(task.getId());
    }

    /** Bundles an ARCHIVED task still in the hot collections, then removes it there. */
    Moved finishArchiving(String id) {
        Raw raw = documents.read(id).orElse(null);
        if (raw == null) {
            return new Moved(0, 0);
        }
        long rawBytes = size(raw);
        long bundleBytes;
        //why: an existing bundle was complete when stored; re-packing after a partial removal would lose outputs
        if (store.find(id).isEmpty()) {
            Task task = tasks.get(id);
            byte[] bundle = ArchiveBundle.pack(raw);
            bundleBytes = bundle.length;
            ArchivedTask entry = ArchivedTask.builder().id(id).key(task.getKey()).title(task.getTitle())
                    .role(task.getRole()).provider(task.getProvider()).stateBefore(task.getPreviousState())
                    .tags(task.getTags()).createdAt(task.getCreatedAt()).completedAt(task.getCompletedAt())
                    .archivedAt(task.getArchivedAt()).events(raw.history().size()).rawBytes(rawBytes)
                    .bundleBytes(bundle.length).headHash(raw.task().getString("historyHash")).build();
            if (store.save(entry, bundle)) {
                store.count(entry.stateBefore(), entry.role(), 1);
            }
        } else {
            bundleBytes = store.find(id).get().bundleBytes();
        }
        documents.remove(raw);
        return new Moved(rawBytes, bundleBytes);
    }

    /** What moving one task took out of the hot collections and what its bundle weighs. */
    record Moved(long originalBytes, long bundleBytes) {
    }

    /** Puts an archived task back whole, then moves it to the state it had (a RESTORED event). */
    public Task restore(String reference, String actor) {
        ArchivedTask entry = find(reference);
        store.markRestoring(entry.id());
        documents.restore(ArchiveBundle.unpack(store.bundle(entry.id()).orElseThrow()));
        return finishRestoring(entry, actor);
    }

    private Task finishRestoring(ArchivedTask entry, String actor) {
        Task task = tasks.get(entry.id());
        if (task.getState() == TaskState.ARCHIVED) {
            task = tasks.restore(entry.id(), actor);
        }
        store.count(entry.stateBefore(), entry.role(), -1);
        store.delete(entry.id());
        return task;
    }

    /** Walks an archived task's hash chain from its bundle, against the head hash kept beside the bundle. */
    public ChainReport verify(String reference) {
        ArchivedTask entry = find(reference);
        Raw raw;
        try {
            raw = ArchiveBundle.unpack(store.bundle(entry.id()).orElseThrow());
        } catch (RuntimeException e) {
            return new ChainReport(entry.key(), 0, List.of("the bundle cannot be read: " + e.getMessage()));
        }
        Document task = raw.task();
        String headHash = task.getString("historyHash");
        ChainReport chain = HashChain.verify(entry.key(), raw.history(), ((Number) task.get("historySeq")).longValue(),
                headHash);
        if (entry.headHash() == null || entry.headHash().equals(headHash)) {
            return chain;
        }
        List<String> problems = new java.util.ArrayList<>(chain.problems());
        problems.add("the bundle's head hash " + abbreviate(headHash) + " is not the one recorded when it was archived ("
                + abbreviate(entry.headHash()) + ")");
        return new ChainReport(entry.key(), chain.events(), problems);
    }

    private static String abbreviate(String hash) {
        return hash == null ? "(none)" : hash.substring(0, Math.min(12, hash.length()));
    }

    public ArchivedTask find(String reference) {
        return store.find(reference == null ? "" : reference.trim())
                .orElseThrow(() -> new TaskNotFoundException("archived task " + reference));
    }

    public List<ArchivedTask> search(String text, int limit) {
        return store.search(text, Math.max(1, Math.min(limit, 500)));
    }

    public ArchiveCounters counters() {
        return store.counters();
    }

    /** Finishes every archive or restore a crash interrupted; returns how many. */
    Resumed resume() {
        List<Task> halfDone = new java.util.ArrayList<>();
        tasks.forEachIn(Set.of(TaskState.ARCHIVED), halfDone::add);
        long original = 0;
        long bundles = 0;
        for (Task task : halfDone) {
            if (store.restoring(task.getId())) {
                finishRestoring(find(task.getId()), ACTOR);
            } else {
                Moved moved = finishArchiving(task.getId());
                original += moved.originalBytes();
                bundles += moved.bundleBytes();
            }
        }
        return new Resumed(halfDone.size(), original, bundles);
    }

    /** How many half-done moves a run finished, and their sizes. */
    record Resumed(int tasks, long originalBytes, long bundleBytes) {
    }

    static long size(Raw raw) {
        long bytes = bson(raw.task());
        for (Document d : raw.history()) {
            bytes += bson(d);
        }
        for (Document d : raw.outputs()) {
            bytes += bson(d);
        }
        for (Document d : raw.files()) {
            bytes += bson(d);
        }
        return bytes;
    }

    private static long bson(Document document) {
        return new RawBsonDocument(document, new DocumentCodec()).getByteBuffer().remaining();
    }
}

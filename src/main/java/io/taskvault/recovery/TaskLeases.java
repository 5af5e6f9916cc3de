package io.taskvault.recovery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;

import io.taskvault.store.EmbeddedMongoServer;
import io.taskvault.store.StoreChanges;
import io.taskvault.store.StoreInfo;
import io.taskvault.task.Task;
import io.taskvault.task.TaskChanged;
import io.taskvault.task.TaskService;
import io.taskvault.task.TaskState;

/**
 * The {@code task_leases} collection: one small document per RUNNING task (its last sign of life), kept in step
 * from {@link TaskChanged}, so lease recovery on the embedded engine reads a thousand leases instead of scanning
 * every task. It only narrows the search: recovery always decides on the task read fresh. It is rebuilt by a
 * full scan when it cannot be trusted: never built, an unclean shutdown, a restore, or writes it could not follow.
 */
@Component
public class TaskLeases {

    static final String COLLECTION = "task_leases";
    static final int SCHEMA_VERSION = 1;
    static final String MARKER = "~index";
    static final int MIN_UNSEEN_LIMIT = 5_000;
    private static final int BATCH = 500;
    private static final Logger log = LoggerFactory.getLogger(TaskLeases.class);

    private final MongoTemplate mongo;
    private final TaskService tasks;
    private final boolean enabled;
    //why: ids the store reports written that no TaskChanged followed (imports, other tools); reconciled each pass
    private final Set<String> unseen = ConcurrentHashMap.newKeySet();
    //why: RUNNING tasks at the last full scan (or leases found at start): sets how many unseen ids are worth catching up
    private volatile int runningCounted;
    private final ReentrantLock[] stripes = new ReentrantLock[64];
    private volatile boolean trusted;
    private volatile boolean following;
    //why: the tasks the log replayed after a crash named (when the process before kept its changes whole): a lease
    //    a crash lost belongs to one of them, short of a checkpoint between a task's write and its lease's
    private final Optional<Set<Object>> replayed;

    TaskLeases(MongoTemplate mongo, TaskService tasks, StoreInfo store, StoreChanges changes) {
        this.mongo = mongo;
        this.tasks = tasks;
        this.enabled = store.embedded();
        for (int i = 0; i < stripes.length; i++) {
            stripes[i] = new ReentrantLock();
        }
        boolean clean = store.embeddedServer().map(EmbeddedMongoServer::openedAfterCleanShutdown).orElse(true);
        //why: a crash can fall between a task's write and its lease's; after one, only a full scan knows
        this.trusted = enabled && clean && leases().find(Filters.eq("_id", MARKER)).first() != null;
        this.runningCounted = trusted ? (int) Math.max(0, leases().estimatedDocumentCount() - 1) : 0;
        this.replayed = store.embeddedServer().flatMap(EmbeddedMongoServer::idsOfCutChanges)
                .filter(ids -> ids.allNamed(Task.COLLECTION)).map(ids -> ids.of(Task.COLLECTION));
        if (store.embeddedServer().isPresent()) {
            changes.onWrite(Task.COLLECTION, this::written);
        }
    }

    /** Leases are kept on the embedded engine only; on MongoDB a query on state uses its index. */
    public boolean enabled() {
        return enabled;
    }

    public boolean trusted() {
        return trusted;
    }

    /** Forgets that the leases were in step: the next pass rebuilds them by a full scan. */
    public void distrust() {
        trusted = false;
    }

    private MongoCollection<Document> leases() {
        return mongo.getCollection(COLLECTION);
    }

    private void written(Collection<Object> ids) {
        if (ids == null && !following) {
            //why: index creation at start-up reports an id-less write; before the start-up pass only CrashRepair
            // changes tasks, and it runs after an unclean shutdown, when the leases are rebuilt anyway
            return;
        }
        if (ids == null || unseen.size() > unseenLimit(runningCounted)) {
            unseen.clear();
            trusted = false;
        } else {
            ids.forEach(id -> unseen.add(String.valueOf(id)));
        }
    }

    @EventListener
    void on(TaskChanged changed) {
        if (!enabled) {
            return;
        }
        Task task = changed.task();
        unseen.remove(task.getId());
        if (task.getState() == TaskState.RUNNING) {
            record(task);
        } else if (changed.from() == TaskState.RUNNING) {
            forget(task.getId(), task.getVersion());
        }
    }

    /** Records (or renews) a RUNNING task's lease, unless a newer version of it is already recorded. */
    void record(Task task) {
        ReentrantLock lock = stripe(task.getId());
        lock.lock();
        try {
            if (recordedVersion(task.getId()) > task.getVersion()) {
                return;
            }
            leases().replaceOne(Filters.eq("_id", task.getId()), lease(task), new ReplaceOptions().upsert(true));
        } finally {
            lock.unlock();
        }
    }

    //why: one bulk write per page instead of a read and a write per task (150,000 RUNNING tasks at 1,000,000). A change
    //    recorded meanwhile may be overwritten by an older version: leases are only a hint, every expiry is judged
    //    again on the task read fresh, and the task's next change records it again
    private void recordAll(List<Task> running) {
        if (running.isEmpty()) {
            return;
        }
        leases().bulkWrite(running.stream().<WriteModel<Document>>map(task -> new ReplaceOneModel<>(
                Filters.eq("_id", task.getId()), lease(task), new ReplaceOptions().upsert(true))).toList(),
                new BulkWriteOptions().ordered(false));
    }

    private static Document lease(Task task) {
        return new Document("_id", task.getId()).append("version", task.getVersion())
                .append("lastSeen", Date.from(LeaseRecovery.lastSignOfLife(task)))
                .append("schemaVersion", SCHEMA_VERSION);
    }

    /** Drops a lease, unless a version newer than {@code version} recorded it again. */
    void forget(String id, long version) {
        ReentrantLock lock = stripe(id);
        lock.lock();
        try {
            if (recordedVersion(id) <= version) {
                leases().deleteOne(Filters.eq("_id", id));
            }
        } finally {
            lock.unlock();
        }
    }

    private long recordedVersion(String id) {
        return recordedVersions(List.of(id)).getOrDefault(id, -1L);
    }

    private ReentrantLock stripe(String id) {
        return stripes[Math.floorMod(id.hashCode(), stripes.length)];
    }

    /** Every lease: which task, and when it last showed a sign of life. */
    List<Lease> all() {
        List<Lease> found = new ArrayList<>();
        for (Document d : leases().find()) {
            if (!MARKER.equals(d.get("_id"))) {
                found.add(new Lease(d.getString("_id"), ((Number) d.get("version")).longValue(),
                        d.getDate("lastSeen").toInstant()));
            }
        }
        return found;
    }

    /**
     * How many unseen ids are caught up before a full scan is cheaper. //why: catching up reads each id's task, the
     * scan reads each RUNNING task, at about the same cost per task; a fixed 5,000 made archival at 1,000,000 tasks
     * (its deletes follow no TaskChanged, 3,400 a minute) trigger a 78 s scan of 150,000 RUNNING tasks
     */
    static int unseenLimit(int runningCounted) {
        return Math.max(MIN_UNSEEN_LIMIT, runningCounted);
    }

    /** Brings the leases in step: a full scan when they cannot be trusted, else the tasks written unseen. */
    synchronized void catchUp() {
        following = true;
        if (!trusted) {
            rebuild(false);
            return;
        }
        List<String> ids = new ArrayList<>(unseen);
        ids.forEach(unseen::remove);
        reconcile(ids);
    }

    /**
     * At start-up: as {@link #catchUp} when the leases are trusted. Otherwise only the tasks the replayed log named
     * are brought in step (milliseconds), and false says the full scan is still due: it reads every task (seconds
     * at 100,000), so LeaseRecovery runs it once the application is ready.
     */
    synchronized boolean catchUpAtStartUp() {
        if (trusted) {
            catchUp();
            return true;
        }
        following = true;
        replayed.ifPresent(ids -> reconcile(ids.stream().map(String::valueOf).toList()));
        return false;
    }

    //why: a page of tasks and their leases in two reads, not two per id: after a bulk import or during archival
    //    (3,400 deletes a minute at 1,000,000 tasks) the catch-up ran on the scheduler for seconds, one lock at a time
    private void reconcile(List<String> ids) {
        for (int from = 0; from < ids.size(); from += BATCH) {
            List<String> page = ids.subList(from, Math.min(ids.size(), from + BATCH));
            Map<String, Task> found = new HashMap<>();
            tasks.byIds(page).forEach(task -> found.put(task.getId(), task));
            Map<String, Long> recorded = recordedVersions(page);
            List<Task> running = new ArrayList<>();
            for (String id : page) {
                Task task = found.get(id);
                if (task != null && task.getState() == TaskState.RUNNING) {
                    if (recorded.getOrDefault(id, -1L) < task.getVersion()) {
                        running.add(task);
                    }
                } else if (recorded.containsKey(id)) {
                    forget(id, task == null ? Long.MAX_VALUE : task.getVersion());
                }
            }
            recordAll(running);
        }
    }

    private Map<String, Long> recordedVersions(List<String> ids) {
        Map<String, Long> recorded = new HashMap<>();
        leases().find(Filters.in("_id", ids)).projection(new Document("version", 1))
                .forEach(d -> recorded.put(d.getString("_id"), ((Number) d.get("version")).longValue()));
        return recorded;
    }

    /** Records every RUNNING task found by a full scan; {@code exact} also drops every other lease. */
    public synchronized void rebuild(boolean exact) {
        if (!enabled) {
            return;
        }
        long start = System.nanoTime();
        trusted = true;
        unseen.clear();
        Set<String> running = new HashSet<>();
        Map<String, Long> recorded = new HashMap<>();
        all().forEach(lease -> recorded.put(lease.taskId(), lease.version()));
        List<Task> batch = new ArrayList<>();
        tasks.forEachIn(Set.of(TaskState.RUNNING), task -> {
            running.add(task.getId());
            if (recorded.getOrDefault(task.getId(), -1L) < task.getVersion()) {
                batch.add(task);
            }
            if (batch.size() == BATCH) {
                recordAll(batch);
                batch.clear();
            }
        });
        recordAll(batch);
        if (exact) {
            all().stream().filter(l -> !running.contains(l.taskId())).forEach(l -> forget(l.taskId(), Long.MAX_VALUE));
        }
        runningCounted = running.size();
        leases().replaceOne(Filters.eq("_id", MARKER), new Document("_id", MARKER).append("builtAt", new Date())
                .append("schemaVersion", SCHEMA_VERSION), new ReplaceOptions().upsert(true));
        log.info("Rebuilt the lease index by a full scan: {} RUNNING tasks in {} ms", running.size(),
                (System.nanoTime() - start) / 1_000_000);
    }

    /** One RUNNING task's lease as recorded. */
    record Lease(String taskId, long version, Instant lastSeen) {
    }
}

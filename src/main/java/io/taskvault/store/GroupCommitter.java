package io.taskvault.store;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.bwaldvogel.mongo.bson.Document;

/**
 * Owns every commit of the MVStore. A write command runs under the write lock and is appended to the
 * {@link WriteAheadLog} before it is acknowledged, so it survives SIGKILL. Checkpoints take the same lock, so a
 * commit never holds half a write; one checkpoint groups every write since the last, and records which log
 * generation starts after it.
 */
public final class GroupCommitter implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GroupCommitter.class);
    static final String META_MAP = "_taskvault_meta";
    static final String WAL_GENERATION = "walGeneration";
    static final String CLEAN_SHUTDOWN = "cleanShutdown";
    //why: set by every committer since commits are owned and changes kept whole within checkpoints (one release)
    static final String OWNED_COMMITS = "ownedCommits";
    private static final long MAX_LOG_BYTES = 64L << 20;
    //why: below this share of live data in the file's chunks, dead pages are worth moving out of them
    static final int TARGET_FILL = 80;
    //why: one step rewrites this much under the write lock: a few milliseconds, so writers barely notice
    private static final int STEP_BYTES = 512 << 10;
    private static final int IDLE_STEPS = 32;

    private final MVStore store;
    private final boolean fsync;
    private final long checkpointNanos;
    private final long housekeepingNanos;
    private final WriteAheadLog wal;
    private final MVMap<String, Object> meta;
    //why: one lock orders writes, so the log replays in exactly the order the writes ran
    private final ReentrantLock writes = new ReentrantLock();
    //why: a task change is two writes (its event, then its projection); no checkpoint falls between them, so a change
    //    a crash cut in two has its first write in the log, and start-up checks only the tasks the log names
    private final ReentrantReadWriteLock changes = new ReentrantReadWriteLock();
    private final boolean previousChangesWhole;
    private final ReentrantLock signal = new ReentrantLock();
    private final Condition wake = signal.newCondition();
    private final boolean previousShutdownClean;
    private Thread checkpointer;
    private volatile boolean closed;
    private long checkpoints;
    private volatile long lastWrite = System.nanoTime();
    private volatile long longestCompactionStep;
    private volatile long compactionSteps;
    private volatile long rounds;

    GroupCommitter(MVStore store, java.nio.file.Path dataFile, boolean fsync, Duration checkpointInterval,
                   Duration housekeepingInterval) {
        this.store = store;
        this.fsync = fsync;
        this.checkpointNanos = checkpointInterval.toNanos();
        this.housekeepingNanos = housekeepingInterval.toNanos();
        this.meta = store.openMap(META_MAP);
        this.previousShutdownClean = closedCleanly(store);
        this.previousChangesWhole = Boolean.TRUE.equals(meta.get(OWNED_COMMITS));
        //why: cleared in the first checkpoint, so a crash from here on is seen as one at the next open
        meta.put(CLEAN_SHUTDOWN, false);
        //why: from the first checkpoint on, every commit of this file is taken under the write lock, between changes
        meta.put(OWNED_COMMITS, true);
        Object generation = meta.get(WAL_GENERATION);
        this.wal = new WriteAheadLog(dataFile, generation == null ? 0 : ((Number) generation).longValue(), fsync);
    }

    /** Whether the store was closed by a final checkpoint last time (read before a committer opens it again). */
    static boolean closedCleanly(MVStore store) {
        return Boolean.TRUE.equals(store.openMap(META_MAP).get(CLEAN_SHUTDOWN));
    }

    /**
     * Whether every commit in the file was taken by a committer (under the write lock), so the last one holds whole
     * writes and consistent indexes even after a crash; a file written by the engine's own background commit may not.
     */
    static boolean commitsOwned(MVStore store) {
        return closedCleanly(store) || Boolean.TRUE.equals(store.openMap(META_MAP).get(OWNED_COMMITS));
    }

    /** Re-runs the writes logged after the last checkpoint, then checkpoints them. Returns how many ran. */
    int replay(Consumer<WriteAheadLog.Entry> apply) {
        int replayed = 0;
        for (WriteAheadLog.Entry entry : wal.read()) {
            try {
                apply.accept(entry);
            } catch (RuntimeException e) {
                log.debug("Replayed write {} failed as it did the first time: {}", entry.command(), e.getMessage());
            }
            replayed++;
        }
        checkpoint(true);
        wal.deleteOlderThan(wal.generation(), file -> log.debug("Removed old log {}", file));
        return replayed;
    }

    void start() {
        checkpointer = new Thread(this::run, "taskvault-checkpointer");
        checkpointer.setDaemon(true);
        checkpointer.start();
    }

    /** Runs one write command and logs it; once this returns, the write survives a killed process. */
    <T> T write(String database, String command, Document query, Supplier<T> execute) {
        if (closed) {
            throw new StoreUnavailableException("The store is closed", null);
        }
        writes.lock();
        try {
            lastWrite = System.nanoTime();
            try {
                return execute.get();
            } finally {
                //why: logged even when it failed: a failed write's partial effect replays the same way
                wal.append(database, command, query);
            }
        } finally {
            writes.unlock();
            if (wal.size() > MAX_LOG_BYTES) {
                wakeUp();
            }
        }
    }

    /** Runs several writes that belong together; no checkpoint (and so no new log) starts between them. */
    public <T> T asOneChange(Supplier<T> writesOfOneChange) {
        changes.readLock().lock();
        try {
            return writesOfOneChange.get();
        } finally {
            changes.readLock().unlock();
        }
    }

    /** Whether the process that wrote the file last kept every change whole within checkpoints (see asOneChange). */
    boolean previousChangesWhole() {
        return previousChangesWhole;
    }

    /** Runs an action while no write is in progress (repair, compaction, backup). */
    public <T> T exclusively(Supplier<T> action) {
        writes.lock();
        try {
            return action.get();
        } finally {
            writes.unlock();
        }
    }

    /** Commits everything written so far and starts a new log. */
    public void checkpoint() {
        checkpoint(false);
    }

    private void checkpoint(boolean force) {
        changes.writeLock().lock();
        try {
            checkpointBetweenChanges(force);
        } finally {
            changes.writeLock().unlock();
        }
    }

    private void checkpointBetweenChanges(boolean force) {
        exclusively(() -> {
            if (!force && wal.size() == 0 && !store.hasUnsavedChanges()) {
                return null;
            }
            long next = wal.generation() + 1;
            meta.put(WAL_GENERATION, next);
            store.commit();
            if (fsync) {
                store.sync();
            }
            wal.rotate(next);
            checkpoints++;
            return null;
        });
    }

    /** Whether the store was last closed cleanly (a final checkpoint after the last write). */
    boolean previousShutdownClean() {
        return previousShutdownClean;
    }

    public long commits() {
        return checkpoints;
    }

    long logBytes() {
        return wal.size();
    }

    private void wakeUp() {
        signal.lock();
        try {
            wake.signal();
        } finally {
            signal.unlock();
        }
    }

    private void run() {
        long lastHousekeeping = System.nanoTime();
        while (!closed) {
            signal.lock();
            try {
                wake.awaitNanos(checkpointNanos);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                signal.unlock();
            }
            if (closed) {
                return;
            }
            try {
                checkpoint(false);
                boolean idle = System.nanoTime() - lastWrite > checkpointNanos;
                if (housekeepingNanos > 0 && (idle || System.nanoTime() - lastHousekeeping > housekeepingNanos)) {
                    compactInSteps(idle ? IDLE_STEPS : 1);
                    lastHousekeeping = System.nanoTime();
                }
            } catch (RuntimeException e) {
                log.error("Checkpoint failed; writes stay safe in the write-ahead log", e);
            }
            rounds++;
        }
    }

    /** How many times the checkpointer has woken up and done its work (a checkpoint, perhaps housekeeping). */
    long rounds() {
        return rounds;
    }

    /**
     * Moves the live pages out of the sparsest chunks, a small step at a time, each under the write lock and each
     * followed by a checkpoint that writes them, so the space of dead pages is reused and the file stops growing.
     * //why: the background writer is off, so nobody else rewrites sparse chunks; one large rewrite stalled writers
     * //    for as long as it ran. Stops as soon as a write arrives after the first step.
     */
    void compactInSteps(int maxSteps) {
        org.h2.mvstore.FileStore<?> file = store.getFileStore();
        for (int step = 0; step < maxSteps && !closed && file != null && file.getChunksFillRate() < TARGET_FILL; step++) {
            long start = System.nanoTime();
            if (step > 0 && lastWrite > start - checkpointNanos) {
                return;
            }
            boolean rewritten = exclusively(() -> store.compact(TARGET_FILL, STEP_BYTES));
            longestCompactionStep = Math.max(longestCompactionStep, System.nanoTime() - start);
            compactionSteps++;
            if (!rewritten) {
                return;
            }
            checkpoint(false);
        }
    }

    /** The longest time one compaction step held the write lock, in nanoseconds, and how many steps ran. */
    public long[] compactionSteps() {
        return new long[] {longestCompactionStep, compactionSteps};
    }

    /** A last checkpoint, then the checkpointer stops. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        wakeUp();
        if (checkpointer != null) {
            try {
                checkpointer.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        exclusively(() -> meta.put(CLEAN_SHUTDOWN, true));
        checkpoint(true);
        wal.close();
    }

    /** Drops the log handle without a checkpoint, as a killed process would. */
    void abandon() {
        closed = true;
        wakeUp();
        wal.close();
    }
}

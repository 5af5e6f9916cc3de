package io.taskvault.store;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.scheduling.TaskScheduler;

import de.bwaldvogel.mongo.bson.Document;

/**
 * Owns every commit of the MVStore. A write command runs under the write lock and is appended to the
 * {@link WriteAheadLog} before it is acknowledged, so it survives SIGKILL. Checkpoints take the same lock, so a
 * commit never holds half a write; one checkpoint groups every write since the last, and records which log
 * generation starts after it. Between checkpoints it compacts the file in short steps ({@link Compaction}).
 */
public final class GroupCommitter implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GroupCommitter.class);
    static final String META_MAP = "_taskvault_meta";
    static final String WAL_GENERATION = "walGeneration";
    static final String CLEAN_SHUTDOWN = "cleanShutdown";
    //why: set by every committer since commits are owned and changes kept whole within checkpoints (one release)
    static final String OWNED_COMMITS = "ownedCommits";
    private static final long MAX_LOG_BYTES = 64L << 20;
    private static final String LAST_COMMIT = "lastCommit";
    //why: MVStore's background writer runs for its serialization threads and commits by itself after 24 days without a
    //    commit (EmbeddedMongoServer.open); a commit a day when idle keeps it from ever doing so
    private static final long KEEP_ALIVE_NANOS = Duration.ofDays(1).toNanos();
    //why: under load, compaction gets at most this share of each checkpoint interval
    private static final int COMPACTION_SHARE = 4;

    private final MVStore store;
    private final boolean fsync;
    private final long checkpointNanos;
    private final long housekeepingNanos;
    private final WriteAheadLog wal;
    private final MVMap<String, Object> meta;
    //why: one lock orders writes, so the log replays in exactly the order the writes ran; fair, so writers waiting
    //    behind a compaction step's snapshot go before its next one instead of being overtaken by it again and again
    private final ReentrantLock writes = new ReentrantLock(true);
    //why: a task change is two writes (its event, then its projection); no checkpoint falls between them, so a change
    //    a crash cut in two has its first write in the log, and start-up checks only the tasks the log names; fair, as
    //    each compaction step's snapshot takes it too: unfair, the next took it back before the waiting changes woke
    private final ReentrantReadWriteLock changes = new ReentrantReadWriteLock(true);
    //why: taken before the other two by every checkpoint and compaction step, and held by a step from its work until
    //    its commit is written: a checkpoint waits here, with the writers free, instead of holding them behind it
    private final ReentrantLock committing = new ReentrantLock(true);
    private final boolean previousChangesWhole;
    private final boolean previousShutdownClean;
    private final Compaction compaction;
    private final StoreCommits commits;
    //why: one tick at a time, whichever thread of the scheduler runs it, and close() waits for the one running
    private final ReentrantLock ticking = new ReentrantLock();
    private final AtomicBoolean tickRequested = new AtomicBoolean();
    private volatile TaskScheduler scheduler;
    private volatile ScheduledFuture<?> ticks;
    private volatile boolean closed;
    private long checkpoints;
    private volatile long lastWrite = System.nanoTime();
    private long lastHousekeeping = System.nanoTime();
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
        this.commits = new StoreCommits(store, fsync);
        this.compaction = new Compaction(store, this::compactionStep);
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
        return replayed;
    }

    /** Checkpoints every interval on {@code scheduler} (one tick at a time), compacting behind the writes. */
    void start(TaskScheduler scheduler) {
        this.scheduler = scheduler;
        this.ticks = scheduler.scheduleWithFixedDelay(this::tick, scheduler.getClock().instant().plusNanos(checkpointNanos),
                Duration.ofNanos(checkpointNanos));
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
                tickNow();
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
        committing.lock();
        try {
            snapshotBetweenChanges(force);
            awaitCheckpoint();
        } finally {
            committing.unlock();
        }
    }

    /**
     * Takes a checkpoint's snapshot with no change in progress (only under the committing lock); returns how long the
     * writers were held, from asking them to stop until they may go on. What a commit does first that need not hold
     * them (freeing chunks, waking MVStore's serialization thread) is done before or after.
     */
    private long snapshotBetweenChanges(boolean force) {
        //why: freeing a chunk changes MVStore's metadata, which alone would make every idle checkpoint commit, and each
        //    such commit leaves a chunk to free later; only a checkpoint that commits anyway frees them first
        if (commitsSomething(force)) {
            commits.dropFreedChunks();
        }
        commits.holdSerializer();
        try {
            long start = System.nanoTime();
            changes.writeLock().lock();
            try {
                checkpointBetweenChanges(force);
                return System.nanoTime() - start;
            } finally {
                changes.writeLock().unlock();
            }
        } finally {
            commits.letSerializerGo();
        }
    }

    /**
     * Takes a checkpoint's snapshot and starts the next log; MVStore's threads write it once the writers go on, and
     * {@link #awaitCheckpoint} waits for that before the older logs go.
     * //why: a checkpoint held the writers while it serialized everything they changed in an interval
     */
    private void checkpointBetweenChanges(boolean force) {
        exclusively(() -> {
            if (!commitsSomething(force)) {
                return null;
            }
            long next = wal.generation() + 1;
            meta.put(WAL_GENERATION, next);
            commits.snapshotInBackground();
            wal.startNext(next);
            checkpoints++;
            return null;
        });
    }

    /** Whether a checkpoint now would commit: forced, or writes logged or changes unsaved since the last one. */
    private boolean commitsSomething(boolean force) {
        return force || wal.size() > 0 || store.hasUnsavedChanges();
    }

    /** Returns once every snapshot taken is written, then removes the logs whose writes they hold. */
    private void awaitCheckpoint() {
        commits.awaitWritten();
        wal.deleteBelow(wal.generation());
        wal.prepareNext();
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

    private void tickNow() {
        TaskScheduler ticker = scheduler;
        if (ticker != null && !closed && tickRequested.compareAndSet(false, true)) {
            try {
                ticker.schedule(this::tick, ticker.getClock().instant());
            } catch (TaskRejectedException shuttingDown) {
                //why: the log keeps the writes safe; close() checkpoints them
                tickRequested.set(false);
            }
        }
    }

    private void tick() {
        if (closed || !ticking.tryLock()) {
            return;
        }
        try {
            tickRequested.set(false);
            long start = System.nanoTime();
            checkpoint(false);
            if (commits.sinceLastCommit() > KEEP_ALIVE_NANOS) {
                commitAlthoughIdle();
            }
            boolean idle = start - lastWrite > checkpointNanos;
            boolean due = start - lastHousekeeping > housekeepingNanos;
            //why: a zero interval turns compaction off (a one-shot command's process ends before it would pay off)
            if (housekeepingNanos > 0) {
                compaction.behindWrites(idle, due,
                        System.nanoTime() + (idle ? checkpointNanos : checkpointNanos / COMPACTION_SHARE));
                if (due) {
                    lastHousekeeping = start;
                }
            }
            rounds++;
        } catch (RuntimeException e) {
            log.error("Checkpoint failed; writes stay safe in the write-ahead log", e);
        } finally {
            ticking.unlock();
        }
    }

    /**
     * Commits a change of its own (the time, in the meta map), so the store has a commit now even when nothing was
     * written since the last one.
     */
    void commitAlthoughIdle() {
        exclusively(() -> meta.put(LAST_COMMIT, System.currentTimeMillis()));
        checkpoint();
    }

    /** How many times the checkpointer has woken up and done its work (a checkpoint, perhaps housekeeping). */
    long rounds() {
        return rounds;
    }

    /**
     * Runs {@code work} beside the writers, then takes a checkpoint's snapshot of what it and they changed, holding
     * them only for that; returns once the snapshot is written (no other checkpoint starts meanwhile). Returns how long
     * writers were held, from asking them to stop until they went on, in nanoseconds, or -1 once the store is closed.
     * //why: a step's rewrites are MVMap's own atomic operations, which MVStore runs beside writers in its own
     * //    compaction; copying a megabyte of leaves with the writers held stalled them 10 to 200 ms under load
     */
    long compactionStep(Runnable work) {
        committing.lock();
        try {
            if (closed) {
                return -1;
            }
            //why: no snapshot serializes while the work runs (MVStore's rewrite would wait for it): every snapshot is
            //    taken and awaited under the committing lock
            work.run();
            long held = snapshotBetweenChanges(false);
            awaitCheckpoint();
            return held;
        } finally {
            committing.unlock();
        }
    }

    /** Compacts behind the writes as one checkpoint interval would, once (what the checkpointer does every tick). */
    void compactBehindWrites(boolean idle) {
        compaction.behindWrites(idle, true, System.nanoTime() + checkpointNanos);
    }

    /**
     * Compacts the whole file in short steps (see {@link Compaction#fully}) until done or {@code limit} has passed;
     * writers go on between the steps.
     */
    void compactFully(Duration limit) {
        checkpoint();
        compaction.fully(System.nanoTime() + limit.toNanos());
    }

    /** What tells a compaction that goes on in quiet moments whether the disk has room for it now. */
    void roomToCompact(java.util.function.BooleanSupplier room) {
        compaction.roomToCompact(room);
    }

    /** The longest time one compaction step held the write lock, in nanoseconds, and how many steps ran. */
    public long[] compactionSteps() {
        return compaction.steps();
    }

    /** A last checkpoint, then the checkpointer stops. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        stopTicks();
        exclusively(() -> meta.put(CLEAN_SHUTDOWN, true));
        checkpoint(true);
        wal.closeAfterLastCheckpoint();
        commits.close();
    }

    private void stopTicks() {
        closed = true;
        ScheduledFuture<?> scheduled = ticks;
        if (scheduled != null) {
            scheduled.cancel(false);
        }
        //why: a tick (or a compaction step in it) that already runs ends before the last checkpoint
        ticking.lock();
        ticking.unlock();
    }

    /** Drops the log handle without a checkpoint, as a killed process would. */
    void abandon() {
        stopTicks();
        wal.close();
        commits.close();
    }
}

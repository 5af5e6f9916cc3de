package io.taskvault.store;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns every commit of the MVStore: writers share a lock while they change maps, the committer takes it
 * alone, so a commit never captures a half-done write (a document without its index entry).
 * Writers that finish while a commit runs are grouped into the next one.
 */
public final class GroupCommitter implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GroupCommitter.class);

    private final MVStore store;
    private final boolean fsync;
    private final long housekeepingNanos;
    private final ReentrantReadWriteLock writeLock = new ReentrantReadWriteLock();
    private final ReentrantLock signal = new ReentrantLock();
    private final Condition writesPending = signal.newCondition();
    private final Condition committed = signal.newCondition();
    private final Thread committer;
    private long finishedWrites;
    private long committedWrites;
    private long commits;
    private volatile boolean closed;
    private volatile RuntimeException failure;

    public GroupCommitter(MVStore store, boolean fsync, long housekeepingMillis) {
        this.store = store;
        this.fsync = fsync;
        this.housekeepingNanos = TimeUnit.MILLISECONDS.toNanos(housekeepingMillis);
        this.committer = new Thread(this::run, "taskvault-committer");
        this.committer.setDaemon(true);
        this.committer.start();
    }

    /** Runs one write command and returns only once what it changed is committed to the file. */
    public <T> T write(Supplier<T> command) {
        long ticket;
        writeLock.readLock().lock();
        try {
            T result = command.get();
            ticket = finished();
            writeLock.readLock().unlock();
            awaitCommit(ticket);
            return result;
        } catch (RuntimeException | Error e) {
            if (writeLock.getReadHoldCount() > 0) {
                ticket = finished();
                writeLock.readLock().unlock();
                awaitCommit(ticket);
            }
            throw e;
        }
    }

    /** Runs an action while no write is in progress (repair, compaction, close). */
    public <T> T exclusively(Supplier<T> action) {
        writeLock.writeLock().lock();
        try {
            return action.get();
        } finally {
            writeLock.writeLock().unlock();
        }
    }

    public long commits() {
        signal.lock();
        try {
            return commits;
        } finally {
            signal.unlock();
        }
    }

    private long finished() {
        signal.lock();
        try {
            long ticket = ++finishedWrites;
            writesPending.signal();
            return ticket;
        } finally {
            signal.unlock();
        }
    }

    private void awaitCommit(long ticket) {
        signal.lock();
        try {
            while (committedWrites < ticket) {
                if (failure != null) {
                    throw new StoreUnavailableException("The store could not commit: " + failure.getMessage(), failure);
                }
                if (closed) {
                    throw new StoreUnavailableException("The store was closed before the write was committed", null);
                }
                committed.awaitUninterruptibly();
            }
        } finally {
            signal.unlock();
        }
    }

    private void run() {
        long lastHousekeeping = System.nanoTime();
        while (!closed) {
            long target;
            signal.lock();
            try {
                while (!closed && finishedWrites == committedWrites) {
                    long waited = writesPending.awaitNanos(housekeepingNanos);
                    if (waited <= 0) {
                        break;
                    }
                }
                target = finishedWrites;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                signal.unlock();
            }
            if (closed) {
                return;
            }
            boolean housekeeping = System.nanoTime() - lastHousekeeping > housekeepingNanos;
            try {
                commitUpTo(target, housekeeping);
            } catch (RuntimeException e) {
                log.error("MVStore commit failed; writes are refused from now on", e);
                failure = e;
                wakeAll();
                return;
            }
            if (housekeeping) {
                lastHousekeeping = System.nanoTime();
            }
        }
    }

    private void commitUpTo(long target, boolean housekeeping) {
        writeLock.writeLock().lock();
        try {
            signal.lock();
            try {
                target = finishedWrites; // everything finished before we got the lock goes into this commit
            } finally {
                signal.unlock();
            }
            if (housekeeping) {
                //why: with the background writer off, nobody else rewrites sparse chunks and the file only grows
                store.compact(50, 16 * 1024 * 1024);
            }
            store.commit();
            if (fsync) {
                store.sync();
            }
        } finally {
            writeLock.writeLock().unlock();
        }
        signal.lock();
        try {
            committedWrites = Math.max(committedWrites, target);
            commits++;
            committed.signalAll();
        } finally {
            signal.unlock();
        }
    }

    private void wakeAll() {
        signal.lock();
        try {
            committed.signalAll();
            writesPending.signalAll();
        } finally {
            signal.unlock();
        }
    }

    /** Stops the committer after a last commit of everything finished so far. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        signal.lock();
        long target;
        try {
            target = finishedWrites;
        } finally {
            signal.unlock();
        }
        if (failure == null) {
            commitUpTo(target, false);
        }
        closed = true;
        wakeAll();
        try {
            committer.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

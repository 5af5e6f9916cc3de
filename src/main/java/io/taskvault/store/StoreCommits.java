package io.taskvault.store;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;

/**
 * The MVStore commits the {@link GroupCommitter} takes: one written before it returns, or a snapshot taken now and
 * written by MVStore's own threads while writers go on. Every wait for a write runs on a thread of its own that nothing
 * interrupts, and a write that failed is thrown to the one waiting for it.
 * //why: MVStore waits for its serialization thread with {@code Future.get()} and ignores an interrupt; a checkpoint on
 * //    an interrupted thread (archival's, at shutdown) then returned before anything was written, and rotated the log
 */
final class StoreCommits implements AutoCloseable {

    private final MVStore store;
    private final boolean fsync;
    private final ExecutorService waiter = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "taskvault-commit-wait");
        thread.setDaemon(true);
        return thread;
    });
    private volatile long lastCommit = System.nanoTime();

    StoreCommits(MVStore store, boolean fsync) {
        this.store = store;
        this.fsync = fsync;
    }

    /** Commits what changed and returns once it is written (and forced to the disk, with fsync). */
    void commitNow() {
        uninterruptibly(() -> {
            store.commit();
            if (fsync) {
                store.sync();
            }
        });
        lastCommit = System.nanoTime();
    }

    /** Takes the snapshot of what changed; MVStore's threads write it. {@link #awaitWritten} waits for that. */
    void snapshotInBackground() {
        if (!store.hasUnsavedChanges()) {
            return;
        }
        if (store.tryCommit() < 0) {
            commitNow();
        }
        lastCommit = System.nanoTime();
    }

    /**
     * Returns once every snapshot taken so far is written (and forced, with fsync); throws if a write failed or the
     * store closed.
     */
    void awaitWritten() {
        FileStore<?> file = store.getFileStore();
        if (file == null) {
            return;
        }
        if (store.isClosed()) {
            //why: the logs go once this returns, and a snapshot taken before the store closed may not be written
            throw new StoreUnavailableException("The store closed before its last commit was written", null);
        }
        uninterruptibly(() -> {
            file.executeFileStoreOperation(() -> { });
            MVStoreException failed = store.getPanicException();
            if (failed != null) {
                throw failed;
            }
            if (fsync) {
                store.sync();
            }
        });
    }

    /** Nanoseconds since the last commit this class took. */
    long sinceLastCommit() {
        return System.nanoTime() - lastCommit;
    }

    private void uninterruptibly(Runnable action) {
        Future<?> done = waiter.submit(action);
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    done.get();
                    return;
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException failure) {
                        throw failure;
                    }
                    if (e.getCause() instanceof Error error) {
                        throw error;
                    }
                    throw new IllegalStateException(e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        waiter.shutdown();
    }
}

package io.taskvault.store;

import java.lang.reflect.Field;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

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

    //why: MVStore offers no way to its serialization executor; without it (another H2 version) snapshots wake it at once
    private static final Field SERIALIZER = serializerField();

    private final MVStore store;
    private final boolean fsync;
    private final ExecutorService waiter = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "taskvault-commit-wait");
        thread.setDaemon(true);
        return thread;
    });
    private volatile long lastCommit = System.nanoTime();
    private CountDownLatch serializerHeld;

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
            letSerializerGo();
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

    /**
     * Keeps MVStore's serialization thread waiting until {@link #letSerializerGo}, so that a snapshot taken meanwhile
     * queues its work without waking it; false when it cannot be held. One caller at a time (the committing lock).
     * //why: the thread woken by the snapshot took the core of the one taking it, which then waited for a time slice
     * //    with the writers held: a 0.2 ms snapshot held them 4 to 8 ms one time in ten
     */
    boolean holdSerializer() {
        ThreadPoolExecutor serializer = serializer();
        if (serializer == null) {
            return false;
        }
        CountDownLatch held = new CountDownLatch(1);
        try {
            serializer.execute(() -> awaitLetGo(held, serializer));
            serializerHeld = held;
            return true;
        } catch (RejectedExecutionException closed) {
            serializerHeld = null;
            return false;
        }
    }

    //why: MVStore's close waits for its executors to end, also on the holding thread when a commit panics; the hold
    //    ends when the executor shuts down, and after 10 s should a holder never let it go
    private static void awaitLetGo(CountDownLatch held, ThreadPoolExecutor serializer) {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        try {
            while (!held.await(5, TimeUnit.MILLISECONDS)) {
                if (serializer.isShutdown() || System.nanoTime() >= until) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Lets MVStore's serialization thread go on with what was queued since {@link #holdSerializer}. */
    void letSerializerGo() {
        CountDownLatch held = serializerHeld;
        serializerHeld = null;
        if (held != null) {
            held.countDown();
        }
    }

    private ThreadPoolExecutor serializer() {
        FileStore<?> file = store.getFileStore();
        if (SERIALIZER == null || file == null) {
            return null;
        }
        try {
            return (ThreadPoolExecutor) SERIALIZER.get(file);
        } catch (IllegalAccessException e) {
            return null;
        }
    }

    /**
     * Frees the chunks that no version a reader may use holds any more, as the next commit would do first.
     * //why: a commit after a compaction step freed dozens of emptied chunks, page by page out of the cache, while the
     * //    writers waited for its snapshot: 7 to 20 ms of a 0.2 ms snapshot
     */
    void dropFreedChunks() {
        FileStore<?> file = store.getFileStore();
        if (file == null || store.isClosed()) {
            return;
        }
        uninterruptibly(() -> store.executeFilestoreOperation(file::dropUnusedChunks));
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

    private static Field serializerField() {
        try {
            Field field = FileStore.class.getDeclaredField("serializationExecutor");
            field.setAccessible(true);
            return field;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    @Override
    public void close() {
        waiter.shutdown();
    }
}

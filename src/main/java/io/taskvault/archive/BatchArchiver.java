package io.taskvault.archive;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import io.taskvault.task.Task;

/**
 * Archives a batch of tasks on a few threads at once and hands back what moved, in the batch's order.
 * //why: one move is about six writes, each acknowledged after the store's next commit; one at a time, the job
 *    spent its time waiting for commits (about 40 tasks/s), while moves running together share them
 */
final class BatchArchiver implements AutoCloseable {

    /** Archives one task; empty when it changed since it was read and was left alone. */
    interface Mover {
        Optional<ArchivalJob.Moved> move(Task task, Instant cutoff);
    }

    private final Mover mover;
    private final ExecutorService pool;

    BatchArchiver(Mover mover, int threads) {
        this.mover = mover;
        AtomicInteger count = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread thread = new Thread(r, "taskvault-archival-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Moves every task of the batch (or leaves it alone), telling {@code moved} of each move in the batch's order;
     * if one failed, the others still finish and are told, then the first failure is thrown.
     */
    void archive(List<Task> batch, Instant cutoff, Consumer<ArchivalJob.Moved> moved) {
        List<Future<Optional<ArchivalJob.Moved>>> running = new ArrayList<>(batch.size());
        batch.forEach(task -> running.add(pool.submit(() -> mover.move(task, cutoff))));
        RuntimeException failure = null;
        for (Future<Optional<ArchivalJob.Moved>> move : running) {
            try {
                move.get().ifPresent(moved);
            } catch (ExecutionException e) {
                if (failure == null) {
                    failure = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while archiving", e);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}

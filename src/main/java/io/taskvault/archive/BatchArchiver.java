package io.taskvault.archive;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Consumer;

import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.core.task.TaskRejectedException;

import io.taskvault.task.Task;

/**
 * Archives a batch of tasks on a few threads at once (the archival executor's) and hands back what moved, in the
 * batch's order.
 * //why: one move is about six writes, each acknowledged after the store's next commit; one at a time, the job
 *    spent its time waiting for commits (about 40 tasks/s), while moves running together share them
 */
final class BatchArchiver {

    /** Archives one task; empty when it changed since it was read and was left alone. */
    interface Mover {
        Optional<ArchivalJob.Moved> move(Task task, Instant cutoff);
    }

    private final Mover mover;
    private final AsyncTaskExecutor pool;

    BatchArchiver(Mover mover, AsyncTaskExecutor pool) {
        this.mover = mover;
        this.pool = pool;
    }

    /**
     * Moves every task of the batch (or leaves it alone), telling {@code moved} of each move in the batch's order;
     * if one failed (or the application began to close), the others still finish and are told, then the first failure
     * is thrown.
     */
    void archive(List<Task> batch, Instant cutoff, Consumer<ArchivalJob.Moved> moved) {
        List<Future<Optional<ArchivalJob.Moved>>> running = new ArrayList<>(batch.size());
        RuntimeException failure = null;
        for (Task task : batch) {
            try {
                running.add(pool.submit(() -> mover.move(task, cutoff)));
            } catch (TaskRejectedException closing) {
                failure = new IllegalStateException("archival stopped: the application is closing", closing);
                break;
            }
        }
        for (Future<Optional<ArchivalJob.Moved>> move : running) {
            try {
                move.get().ifPresent(moved);
            } catch (ExecutionException e) {
                if (failure == null) {
                    failure = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                }
            } catch (CancellationException e) {
                //why: the application closed and its executor dropped the moves not yet started
                if (failure == null) {
                    failure = new IllegalStateException("archival stopped: the application is closing", e);
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
}

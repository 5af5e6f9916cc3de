package io.taskvault.task;

import java.time.Duration;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import io.taskvault.store.StoreChanges;
import io.taskvault.store.StoreInfo;
import io.taskvault.store.schema.SchemaCensus;

/**
 * Statistics need a pass over every task; they are recomputed only when tasks changed, and at most once a
 * second, so they are never more than a second stale.
 */
@Component
class StatisticsCache {

    private static final long FRESH_NANOS = Duration.ofSeconds(1).toNanos();

    private final TaskStore tasks;
    private final StoreChanges changes;
    private final boolean seesEveryWrite;
    private final SchemaCensus census;
    private final ObjectProvider<ArchivedTaskCounts> archived;
    private final TaskListIndex listIndex;
    private volatile Snapshot snapshot;

    StatisticsCache(TaskStore tasks, StoreChanges changes, StoreInfo store, SchemaCensus census,
                    ObjectProvider<ArchivedTaskCounts> archived, TaskListIndex listIndex) {
        this.listIndex = listIndex;
        this.tasks = tasks;
        this.archived = archived;
        this.census = census;
        this.changes = changes;
        //why: the embedded server reports every write, whoever sent it; a shared MongoDB does not
        this.seesEveryWrite = store.embedded();
    }

    TaskStatistics get() {
        Snapshot current = snapshot;
        long version = changes.version(Task.COLLECTION);
        boolean young = current != null && System.nanoTime() - current.at < FRESH_NANOS;
        if (current != null && (young || current.version == version && seesEveryWrite)) {
            return current.statistics;
        }
        synchronized (this) {
            current = snapshot;
            if (current != null && System.nanoTime() - current.at < FRESH_NANOS) {
                return current.statistics;
            }
            long before = changes.version(Task.COLLECTION);
            StatisticsCalculator calculator = new StatisticsCalculator();
            if (listIndex.enabled() && listIndex.ready()) {
                //why: the list index already holds every task's counted fields, fresh from the write notifications
                listIndex.facts().forEach(calculator::add);
            } else {
                tasks.stream(StatisticsCalculator.projection()).forEach(calculator::add);
            }
            archived.ifAvailable(calculator::addArchived);
            TaskStatistics statistics = calculator.result(census.othersThanTasks());
            snapshot = new Snapshot(before, System.nanoTime(), statistics);
            return statistics;
        }
    }

    private record Snapshot(long version, long at, TaskStatistics statistics) {
    }
}

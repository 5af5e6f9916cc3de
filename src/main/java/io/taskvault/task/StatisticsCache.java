package io.taskvault.task;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

    private static final Logger log = LoggerFactory.getLogger(StatisticsCache.class);
    private static final long FRESH_NANOS = Duration.ofSeconds(1).toNanos();

    private final TaskStore tasks;
    private final StoreChanges changes;
    private final boolean seesEveryWrite;
    private final SchemaCensus census;
    private final ObjectProvider<ArchivedTaskCounts> archived;
    private final TaskListIndex listIndex;
    private volatile Snapshot snapshot;
    //why: counting the other collections' schema versions is a pass over every event (seconds at scale): it runs
    // in the background and the statistics carry its latest result
    private volatile Map<String, Map<Integer, Long>> otherVersions = Map.of();
    private final AtomicLong censusGeneration = new AtomicLong();
    private final AtomicBoolean censusRunning = new AtomicBoolean();

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
        boolean sameCensus = current != null && current.census == censusGeneration.get();
        if (current != null && (young || current.version == version && seesEveryWrite && sameCensus)) {
            return current.statistics;
        }
        synchronized (this) {
            current = snapshot;
            if (current != null && System.nanoTime() - current.at < FRESH_NANOS) {
                return current.statistics;
            }
            long before = changes.version(Task.COLLECTION);
            long censusBefore = censusGeneration.get();
            refreshCensus();
            StatisticsCalculator calculator = new StatisticsCalculator();
            if (listIndex.enabled() && listIndex.ready()) {
                //why: the list index already holds every task's counted fields, fresh from the write notifications
                listIndex.facts().forEach(calculator::add);
            } else {
                tasks.stream(StatisticsCalculator.projection()).forEach(calculator::add);
            }
            archived.ifAvailable(calculator::addArchived);
            TaskStatistics statistics = calculator.result(otherVersions);
            snapshot = new Snapshot(before, censusBefore, System.nanoTime(), statistics);
            return statistics;
        }
    }

    private void refreshCensus() {
        if (!censusRunning.compareAndSet(false, true)) {
            return;
        }
        Thread counter = new Thread(() -> {
            try {
                Map<String, Map<Integer, Long>> counted = census.othersThanTasks();
                if (!counted.equals(otherVersions)) {
                    otherVersions = counted;
                    censusGeneration.incrementAndGet();
                }
            } catch (RuntimeException e) {
                log.warn("Could not count the schema versions of history and outputs", e);
            } finally {
                censusRunning.set(false);
            }
        }, "taskvault-schema-census");
        counter.setDaemon(true);
        counter.start();
    }

    private record Snapshot(long version, long census, long at, TaskStatistics statistics) {
    }
}

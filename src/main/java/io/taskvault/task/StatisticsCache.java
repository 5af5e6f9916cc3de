package io.taskvault.task;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.annotation.PreDestroy;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import io.taskvault.store.StoreChanges;
import io.taskvault.store.schema.SchemaCensus;

/**
 * Statistics come from one pass over the tasks' counted fields. They are recomputed only when the store's change feed
 * reports a write (by any process, on either engine), and at most once a second by a reader, so they are never more
 * than a second stale. While tasks change and somebody reads them, a background thread recounts every quarter
 * second, so readers find a young snapshot instead of paying for the recount.
 */
@Component
class StatisticsCache {

    private static final Logger log = LoggerFactory.getLogger(StatisticsCache.class);
    private static final long FRESH_NANOS = Duration.ofSeconds(1).toNanos();
    private static final long WATCHED_NANOS = Duration.ofMinutes(1).toNanos();

    private final TaskStore tasks;
    private final StoreChanges changes;
    private final SchemaCensus census;
    private final ObjectProvider<ArchivedTaskCounts> archived;
    private volatile Snapshot snapshot;
    private volatile long lastAsked;
    private volatile ScheduledExecutorService refresher;
    //why: on MongoDB counting the other collections' schema versions is a pass over every event (seconds at scale),
    //    and on the embedded store its tally waits behind any long scan of the collection: it runs in the background
    //    and the statistics carry its latest result
    private volatile Map<String, Map<Integer, Long>> otherVersions = Map.of();
    private final AtomicLong censusGeneration = new AtomicLong();
    private final AtomicBoolean censusRunning = new AtomicBoolean();
    private final long refreshMillis;

    StatisticsCache(TaskStore tasks, StoreChanges changes, SchemaCensus census,
                    ObjectProvider<ArchivedTaskCounts> archived,
                    @Value("${taskvault.statistics.refresh-interval:250ms}") Duration refreshInterval) {
        this.refreshMillis = refreshInterval.toMillis();
        this.tasks = tasks;
        this.archived = archived;
        this.census = census;
        this.changes = changes;
    }

    TaskStatistics get() {
        lastAsked = System.nanoTime();
        Snapshot current = snapshot;
        if (current != null && upToDate(current)) {
            return current.statistics.asOf(java.time.Instant.now());
        }
        if (current != null && young(current)) {
            return current.statistics;
        }
        startRefresher();
        return recompute(false);
    }

    /** The statistics last counted, without counting (null before the first read). */
    TaskStatistics lastCounted() {
        Snapshot current = snapshot;
        return current == null ? null : current.statistics;
    }

    private boolean young(Snapshot current) {
        return System.nanoTime() - current.at < FRESH_NANOS;
    }

    //why: every collection's writes, not only the tasks': archival moves counts to the archive's counters in writes
    //    of its own, and a recount that fell between them must not look current afterwards
    private boolean upToDate(Snapshot current) {
        return current.version == changes.version() && current.census == censusGeneration.get();
    }

    private synchronized TaskStatistics recompute(boolean evenIfYoung) {
        Snapshot current = snapshot;
        if (current != null && (evenIfYoung ? upToDate(current) : young(current))) {
            return current.statistics;
        }
        long at = System.nanoTime();
        java.time.Instant countedAt = java.time.Instant.now();
        long before = changes.version();
        long censusBefore = censusGeneration.get();
        refreshCensus();
        StatisticsCalculator calculator = new StatisticsCalculator();
        tasks.stream(StatisticsCalculator.projection()).forEach(calculator::add);
        archived.ifAvailable(calculator::addArchived);
        TaskStatistics statistics = calculator.result(otherVersions, countedAt);
        snapshot = new Snapshot(before, censusBefore, at, statistics);
        return statistics;
    }

    //why: a reader that finds the snapshot stale pays for a pass over every task (hundreds of ms at 100,000);
    //    while tasks change and somebody reads statistics, this thread recounts a few times a second instead
    private void startRefresher() {
        if (refresher != null || refreshMillis <= 0) {
            return;
        }
        synchronized (this) {
            if (refresher == null) {
                refresher = Executors.newSingleThreadScheduledExecutor(runnable -> {
                    Thread thread = new Thread(runnable, "taskvault-statistics");
                    thread.setDaemon(true);
                    return thread;
                });
                refresher.scheduleWithFixedDelay(this::refreshInBackground, refreshMillis, refreshMillis,
                        TimeUnit.MILLISECONDS);
            }
        }
    }

    private void refreshInBackground() {
        try {
            Snapshot current = snapshot;
            boolean watched = System.nanoTime() - lastAsked < WATCHED_NANOS;
            if (watched && current != null && !upToDate(current)) {
                recompute(true);
            }
        } catch (RuntimeException e) {
            log.debug("Statistics refresh failed; the next read recounts: {}", e.getMessage());
        }
    }

    @PreDestroy
    void stop() {
        if (refresher != null) {
            refresher.shutdownNow();
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

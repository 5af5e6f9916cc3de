package io.taskvault.task;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Component;

import io.taskvault.store.schema.SchemaCensus;
import io.taskvault.store.schema.VersionCounts;

/**
 * Statistics as of the moment they are asked for: the counters document, the archive's counters and the schema
 * census. Nothing is recounted on a read; the counters follow every write as it is made.
 */
@Component
class StatisticsReader {

    private static final Logger log = LoggerFactory.getLogger(StatisticsReader.class);
    private static final Duration CENSUS_FRESH = Duration.ofSeconds(30);

    private final StatisticsCounters counters;
    private final StatisticsRecount recount;
    private final SchemaCensus census;
    private final ObjectProvider<ArchivedTaskCounts> archived;
    private final Clock clock;
    private final TaskExecutor executor;
    //why: where the census is a pass over every document (MongoDB: every event, seconds at scale) it runs in the
    //    background, at most every 30 s or 20 times its last duration, and the statistics carry its latest result
    private volatile Census latest = new Census(Map.of(), Instant.MIN, Duration.ZERO);
    private final AtomicBoolean censusRunning = new AtomicBoolean();

    StatisticsReader(StatisticsCounters counters, StatisticsRecount recount, SchemaCensus census,
                     ObjectProvider<ArchivedTaskCounts> archived, Clock clock,
                     @Qualifier(TaskExecutionAutoConfiguration.APPLICATION_TASK_EXECUTOR_BEAN_NAME) TaskExecutor executor) {
        this.counters = counters;
        this.recount = recount;
        this.census = census;
        this.archived = archived;
        this.clock = clock;
        this.executor = executor;
    }

    TaskStatistics get() {
        //why: taken before the read, so the answer holds every change made before it
        Instant countedAt = clock.instant();
        Document current = counters.read().orElse(null);
        if (current == null) {
            //why: a store without counters (new, or written by a taskvault that kept none) is counted once, here
            recount.recount();
            current = counters.read().orElseGet(Document::new);
        }
        recount.readerArrived();
        StatisticsCalculator statistics = StatisticsCalculator.of(current);
        archived.ifAvailable(statistics::addArchived);
        return statistics.result(schemaVersions(), countedAt);
    }

    private Map<String, Map<Integer, Long>> schemaVersions() {
        if (census.countsAreTallied()) {
            return byCollection(census.countAll());
        }
        Census known = latest;
        Duration fresh = CENSUS_FRESH.compareTo(known.took().multipliedBy(20)) > 0 ? CENSUS_FRESH
                : known.took().multipliedBy(20);
        if (clock.instant().isAfter(known.at().plus(fresh)) && censusRunning.compareAndSet(false, true)) {
            executor.execute(this::countCensus);
        }
        return known.versions();
    }

    private void countCensus() {
        try {
            Instant start = clock.instant();
            long began = System.nanoTime();
            Map<String, Map<Integer, Long>> versions = byCollection(census.countAll());
            latest = new Census(versions, start, Duration.ofNanos(System.nanoTime() - began));
        } catch (RuntimeException e) {
            log.warn("Could not count the schema versions of tasks, history and outputs", e);
        } finally {
            censusRunning.set(false);
        }
    }

    private static Map<String, Map<Integer, Long>> byCollection(java.util.List<VersionCounts> counts) {
        Map<String, Map<Integer, Long>> versions = new TreeMap<>();
        counts.forEach(c -> versions.put(c.collection(), new TreeMap<>(c.byVersion())));
        return versions;
    }

    private record Census(Map<String, Map<Integer, Long>> versions, Instant at, Duration took) {
    }
}

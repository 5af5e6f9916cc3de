package io.taskvault.archive;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Component;

import io.taskvault.store.JobLocks;
import io.taskvault.system.ProgressListener;
import io.taskvault.system.OperationsReports;
import io.taskvault.store.StoreInfo;
import io.taskvault.task.ConcurrentTaskModificationException;
import io.taskvault.task.IllegalTransitionException;
import io.taskvault.task.Task;
import io.taskvault.task.TaskQuery;
import io.taskvault.task.TaskService;
import io.taskvault.task.TaskState;

/**
 * The archival job: finished tasks older than the retention move to the archive, a batch at a time, after any
 * move an earlier run left half done. Runs once across instances (ShedLock); publishes its {@link ArchivalReport}.
 */
@Component
public class ArchivalJob implements SchedulingConfigurer {

    static final String LOCK = "taskvault-archival";
    static final String REPORT = "archival";
    private static final Set<TaskState> FINISHED = Arrays.stream(TaskState.values()).filter(TaskState::isFinished)
            .collect(Collectors.toUnmodifiableSet());
    private static final Logger log = LoggerFactory.getLogger(ArchivalJob.class);

    private final TaskService tasks;
    private final Archive archive;
    private final ArchivalProperties properties;
    private final StoreInfo store;
    private final JobLocks locks;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final OperationsReports reports;
    private final BatchArchiver batches;
    private volatile ArchivalReport last;

    ArchivalJob(TaskService tasks, Archive archive, ArchivalProperties properties, StoreInfo store, JobLocks locks,
                Clock clock, ApplicationEventPublisher events, OperationsReports reports,
                @Qualifier(ArchivalExecutor.NAME) AsyncTaskExecutor movers) {
        this.reports = reports;
        this.tasks = tasks;
        this.archive = archive;
        this.properties = properties;
        this.store = store;
        this.locks = locks;
        this.clock = clock;
        this.events = events;
        this.batches = new BatchArchiver(this::archiveOne, movers);
    }

    /** Runs {@link #scheduled()} at {@code taskvault.archival.cron}. */
    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addCronTask(this::scheduled, properties.cron());
    }

    public void scheduled() {
        //why: held 5 minutes at least, so an instance whose schedule fires a little later does not run it again
        ArchivalReport report = locks.once(LOCK, Duration.ofHours(6), Duration.ofMinutes(5),
                        () -> execute(false, ProgressListener.NONE))
                .orElseGet(() -> ArchivalReport.skippedAt(clock.instant()));
        log.info("Scheduled archival: {}", report.summary());
    }

    /** Runs now (unless another instance is running it); a dry run only reports what it would archive. */
    public ArchivalReport run(boolean dryRun) {
        return run(dryRun, ProgressListener.NONE);
    }

    /** As {@link #run(boolean)}, telling {@code progress} how many of the finished tasks have been looked at. */
    public ArchivalReport run(boolean dryRun, ProgressListener progress) {
        if (dryRun) {
            return execute(true, progress);
        }
        return locks.once(LOCK, Duration.ofHours(6), Duration.ZERO, () -> execute(false, progress))
                .orElseGet(() -> ArchivalReport.skippedAt(clock.instant()));
    }

    private ArchivalReport execute(boolean dryRun, ProgressListener progress) {
        long start = System.nanoTime();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Instant cutoff = now.minus(properties.retention());
        List<String> archived = new ArrayList<>();
        Sizes sizes = new Sizes();
        int resumed = 0;
        String error = null;
        try {
            if (!dryRun) {
                Archive.Resumed finished = archive.resume();
                resumed = finished.tasks();
                sizes.add(finished.originalBytes(), finished.bundleBytes());
            }
            //why: the finished tasks' ids in one pass, then each batch read, judged and moved before the next is
            //    read: collecting every candidate first read all finished tasks (half a million at 1,000,000)
            //    before moving one, longer than the benchmark's three minutes
            List<String> finished = tasks.idsOf(TaskQuery.all().withStates(FINISHED)
                    .sortedBy(TaskQuery.SortField.CREATED, false));
            progress.progress(0, finished.size());
            for (int from = 0; from < finished.size(); from += properties.batchSize()) {
                int to = Math.min(finished.size(), from + properties.batchSize());
                List<Task> old = tasks.byIds(finished.subList(from, to)).stream()
                        .filter(t -> t.getState().isFinished() && finishedAt(t).isBefore(cutoff)).toList();
                if (dryRun) {
                    old.forEach(t -> archived.add(t.getKey()));
                } else {
                    batches.archive(old, cutoff, moved -> {
                        sizes.add(moved.moved().originalBytes(), moved.moved().bundleBytes());
                        archived.add(moved.key());
                    });
                }
                progress.progress(to, finished.size());
                log.debug("Archival progress: {} of {} finished tasks looked at, {} archived", to, finished.size(),
                        archived.size());
            }
        } catch (RuntimeException e) {
            log.error("Archival stopped after {} tasks; the next run resumes it", archived.size(), e);
            error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        if (!dryRun) {
            log.info("Archival moved {} tasks (and finished {} interrupted moves) in {} ms", archived.size(), resumed,
                    (System.nanoTime() - start) / 1_000_000);
        }
        long compacted = !dryRun && properties.compact() && (!archived.isEmpty() || resumed > 0) ? compact() : 0;
        ArchivalReport report = new ArchivalReport(now, dryRun, false, cutoff, List.copyOf(archived), resumed,
                sizes.original, sizes.bundles, sizes.original - sizes.bundles, compacted,
                Duration.ofNanos(System.nanoTime() - start), error);
        if (!dryRun) {
            last = report;
            reports.save(REPORT, report);
            events.publishEvent(report);
        }
        return report;
    }

    private Optional<Moved> archiveOne(Task task, Instant cutoff) {
        try {
            return Optional.of(new Moved(task.getKey(), archive.archive(task, "archived: finished before " + cutoff
                    + " (retention " + properties.retention() + ")", Map.of("retention", properties.retention().toString()))));
        } catch (ConcurrentTaskModificationException | IllegalTransitionException e) {
            log.debug("Did not archive {}: it changed since it was read ({})", task.getKey(), e.getMessage());
            return Optional.empty();
        }
    }

    /** The bytes a run took out of the hot collections, and what their bundles weigh. */
    private static final class Sizes {
        private long original;
        private long bundles;

        void add(long originalBytes, long bundleBytes) {
            original += originalBytes;
            bundles += bundleBytes;
        }
    }

    /** One task moved to the archive, by key. */
    record Moved(String key, Archive.Moved moved) {
    }

    //why: a data file never shrinks by itself (on MongoDB the server manages its own); a failed compaction must not fail the archival
    private long compact() {
        try {
            long start = System.nanoTime();
            long freed = store.compact();
            log.info("Compaction after archival freed {} MB in {} ms", freed >> 20, (System.nanoTime() - start) / 1_000_000);
            return freed;
        } catch (RuntimeException e) {
            log.warn("Compaction after archival failed: {}", e.getMessage(), e);
            return 0;
        }
    }

    /** When a finished task finished (or, lacking that, last changed): archived when strictly before the cutoff. */
    private static Instant finishedAt(Task task) {
        return task.getCompletedAt() != null ? task.getCompletedAt() : task.getUpdatedAt();
    }

    /** When the schedule fires next (in this instance's clock). */
    public Optional<Instant> nextRun() {
        ZonedDateTime next = CronExpression.parse(properties.cron()).next(ZonedDateTime.now(clock));
        return Optional.ofNullable(next).map(ZonedDateTime::toInstant);
    }

    /** The last run's report, kept across restarts (whichever instance ran it). */
    public Optional<ArchivalReport> lastReport() {
        //why: the stored report first: another instance may have run since this one last did
        return reports.load(REPORT, ArchivalReport.class).or(() -> Optional.ofNullable(last));
    }

    /** What the dashboard shows: next run, last report, what the archive holds. */
    public ArchivalStatus status() {
        return new ArchivalStatus(nextRun().orElse(null), lastReport().orElse(null), archive.counters(),
                properties.retention());
    }

    /** The archival job at a glance. */
    public record ArchivalStatus(Instant nextRun, ArchivalReport lastReport, ArchiveCounters archived, Duration retention) {
    }
}

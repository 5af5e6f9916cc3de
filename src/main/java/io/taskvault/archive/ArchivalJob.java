package io.taskvault.archive;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Component;

import io.taskvault.store.EmbeddedMongoServer;
import io.taskvault.store.StoreInfo;
import io.taskvault.task.ConcurrentTaskModificationException;
import io.taskvault.task.IllegalTransitionException;
import io.taskvault.task.Task;
import io.taskvault.task.TaskPage;
import io.taskvault.task.TaskQuery;
import io.taskvault.task.TaskService;
import io.taskvault.task.TaskState;

/**
 * The archival job: finished tasks older than the retention move to the archive, a batch at a time, after any
 * move an earlier run left half done. Runs once across instances (ShedLock); publishes its {@link ArchivalReport}.
 */
@Component
public class ArchivalJob {

    static final String LOCK = "taskvault-archival";
    private static final Logger log = LoggerFactory.getLogger(ArchivalJob.class);

    private final TaskService tasks;
    private final Archive archive;
    private final ArchivalProperties properties;
    private final StoreInfo store;
    private final JobLocks locks;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private volatile ArchivalReport last;

    ArchivalJob(TaskService tasks, Archive archive, ArchivalProperties properties, StoreInfo store, JobLocks locks,
                Clock clock, ApplicationEventPublisher events) {
        this.tasks = tasks;
        this.archive = archive;
        this.properties = properties;
        this.store = store;
        this.locks = locks;
        this.clock = clock;
        this.events = events;
    }

    @Scheduled(cron = "${taskvault.archival.cron:0 30 3 * * *}")
    public void scheduled() {
        //why: held 5 minutes at least, so an instance whose schedule fires a little later does not run it again
        ArchivalReport report = locks.once(LOCK, Duration.ofHours(6), Duration.ofMinutes(5), () -> execute(false))
                .orElseGet(() -> ArchivalReport.skippedAt(clock.instant()));
        log.info("Scheduled archival: {}", report.summary());
    }

    /** Runs now (unless another instance is running it); a dry run only reports what it would archive. */
    public ArchivalReport run(boolean dryRun) {
        if (dryRun) {
            return execute(true);
        }
        return locks.once(LOCK, Duration.ofHours(6), Duration.ZERO, () -> execute(false))
                .orElseGet(() -> ArchivalReport.skippedAt(clock.instant()));
    }

    private ArchivalReport execute(boolean dryRun) {
        long start = System.nanoTime();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Instant cutoff = now.minus(properties.retention());
        List<String> archived = new ArrayList<>();
        long saved = 0;
        int resumed = 0;
        String error = null;
        try {
            if (!dryRun) {
                resumed = archive.resume();
            }
            List<Task> candidates = candidates(cutoff);
            if (dryRun) {
                candidates.forEach(t -> archived.add(t.getKey()));
            }
            for (int from = 0; !dryRun && from < candidates.size(); from += properties.batchSize()) {
                for (Task task : candidates.subList(from, Math.min(candidates.size(), from + properties.batchSize()))) {
                    try {
                        saved += archive.archive(task, "archived: finished before " + cutoff + " (retention "
                                + properties.retention() + ")", Map.of("retention", properties.retention().toString()));
                        archived.add(task.getKey());
                    } catch (ConcurrentTaskModificationException | IllegalTransitionException e) {
                        log.debug("Did not archive {}: it changed since it was read ({})", task.getKey(), e.getMessage());
                    }
                }
                log.debug("Archival progress: {} of {} tasks", archived.size(), candidates.size());
            }
        } catch (RuntimeException e) {
            log.error("Archival stopped after {} tasks; the next run resumes it", archived.size(), e);
            error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        long compacted = !dryRun && properties.compact() && !archived.isEmpty()
                ? store.embeddedServer().map(EmbeddedMongoServer::compact).orElse(0L) : 0;
        ArchivalReport report = new ArchivalReport(now, dryRun, false, cutoff, List.copyOf(archived), resumed, saved,
                compacted, Duration.ofNanos(System.nanoTime() - start), error);
        if (!dryRun) {
            last = report;
            events.publishEvent(report);
        }
        return report;
    }

    /** Finished tasks whose finish (or, lacking one, last change) is strictly before the cutoff. */
    private List<Task> candidates(Instant cutoff) {
        List<Task> found = new ArrayList<>();
        TaskQuery page = TaskQuery.all().withStates(Set.of(TaskState.COMPLETED, TaskState.FAILED, TaskState.CANCELLED))
                .sortedBy(TaskQuery.SortField.CREATED, false).withLimit(TaskQuery.MAX_LIMIT, 0);
        while (page != null) {
            TaskPage result = tasks.list(page);
            result.tasks().stream().filter(t -> finishedAt(t).isBefore(cutoff)).forEach(found::add);
            page = result.nextCursor() == null ? null : page.withCursor(result.nextCursor());
        }
        return found;
    }

    private static Instant finishedAt(Task task) {
        return task.getCompletedAt() != null ? task.getCompletedAt() : task.getUpdatedAt();
    }

    /** When the schedule fires next (in this instance's clock). */
    public Optional<Instant> nextRun() {
        ZonedDateTime next = CronExpression.parse(properties.cron()).next(ZonedDateTime.now(clock));
        return Optional.ofNullable(next).map(ZonedDateTime::toInstant);
    }

    public Optional<ArchivalReport> lastReport() {
        return Optional.ofNullable(last);
    }

    /** What the dashboard shows: next run, last report, what the archive holds. */
    public ArchivalStatus status() {
        return new ArchivalStatus(nextRun().orElse(null), last, archive.counters(), properties.retention());
    }

    /** The archival job at a glance. */
    public record ArchivalStatus(Instant nextRun, ArchivalReport lastReport, ArchiveCounters archived, Duration retention) {
    }
}

package io.taskvault.recovery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.stereotype.Service;

import io.taskvault.backup.StoreRestored;
import io.taskvault.system.OperationsReports;
import io.taskvault.task.ConcurrentTaskModificationException;
import io.taskvault.task.IllegalTransitionException;
import io.taskvault.task.Task;
import io.taskvault.task.TaskQuery;
import io.taskvault.task.TaskService;
import io.taskvault.task.TaskState;

/**
 * Interrupts RUNNING tasks whose lease expired (no heartbeat or update within {@code taskvault.recovery.lease}):
 * at start-up, after a backup is restored, then periodically. Candidates come from the indexed state query; each is
 * judged on the task read fresh and moved through the state machine, guarded by the version read, so a task that
 * beat its lease in between is left alone and a second pass finds nothing to do. Reports are kept in
 * {@code ops_reports}.
 */
@Service
public class LeaseRecovery implements SchedulingConfigurer {

    static final String ACTOR = "recovery";
    static final String STARTUP_REPORT = "recovery-startup";
    static final String LAST_REPORT = "recovery-last";
    private static final Logger log = LoggerFactory.getLogger(LeaseRecovery.class);

    private final TaskService tasks;
    private final RecoveryProperties properties;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final OperationsReports reports;
    private volatile RecoveryReport startup;
    private volatile RecoveryReport last;

    LeaseRecovery(TaskService tasks, RecoveryProperties properties, Clock clock, ApplicationEventPublisher events,
                  OperationsReports reports) {
        this.tasks = tasks;
        this.reports = reports;
        this.properties = properties;
        this.clock = clock;
        this.events = events;
    }

    //why: after CrashRepair (order 0), so torn writes are completed before leases are judged
    @EventListener(ApplicationStartedEvent.class)
    @Order(10)
    public void onStart() {
        startup = recover();
        log.info("Start-up recovery: {}", startup.summary());
    }

    //why: a restored image holds the tasks that were RUNNING when it was backed up, whose workers are gone or
    //    working elsewhere; judged at once, not at the next periodic pass (which may be switched off)
    @EventListener
    public void onRestore(StoreRestored restored) {
        try {
            RecoveryReport report = recover();
            log.info("Recovery after restoring {}: {}", restored.backup(), report.summary());
        } catch (RuntimeException e) {
            //why: the restore itself is done and reported; the next periodic pass judges the leases again
            log.error("Recovery after restoring {} failed; the next periodic pass retries", restored.backup(), e);
        }
    }

    /** Runs {@link #periodically()} every {@code taskvault.recovery.interval}, the first time one interval after start. */
    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(new FixedDelayTask(this::periodically, properties.interval(), properties.interval()));
    }

    public void periodically() {
        RecoveryReport report = recover();
        if (report.recovered() > 0) {
            log.warn("Lease recovery: {}", report.summary());
        }
    }

    /** One pass: the RUNNING tasks whose lease looks expired, each judged again on its state read fresh. */
    //why: synchronized: a pass asked for at the door and the periodic one must not judge the same tasks at once
    public synchronized RecoveryReport recover() {
        long start = System.nanoTime();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Instant expiredBefore = now.minus(properties.lease());
        List<Task> expired = new ArrayList<>();
        int running = fromStateQuery(expiredBefore, expired);
        List<String> interrupted = new ArrayList<>();
        //why: in parallel, so the embedded store's group commits carry many interruptions per disk write
        expired.parallelStream().map(task -> interrupt(task, now)).flatMap(Optional::stream).forEachOrdered(interrupted::add);
        RecoveryReport report = new RecoveryReport(now, running, List.copyOf(interrupted),
                Duration.ofNanos(System.nanoTime() - start));
        last = report;
        reports.save(startup == null ? STARTUP_REPORT : LAST_REPORT, report);
        events.publishEvent(report);
        return report;
    }

    //why: a task whose lease expired has no change since expiredBefore either, so only those are read; the count of
    //    every RUNNING task comes from the index
    private int fromStateQuery(Instant expiredBefore, List<Task> expired) {
        tasks.forEachRunningUnchangedSince(expiredBefore, task -> {
            if (lastSignOfLife(task).isBefore(expiredBefore)) {
                expired.add(task);
            }
        });
        return (int) tasks.count(TaskQuery.all().withStates(Set.of(TaskState.RUNNING)));
    }

    private Optional<String> interrupt(Task task, Instant now) {
        Instant seen = lastSignOfLife(task);
        String reason = "lease expired: no heartbeat or update since " + seen + " (lease " + properties.lease() + ")";
        try {
            tasks.transition(task.getId(), TaskState.INTERRUPTED, ACTOR, reason,
                    Map.of("lastSeen", seen.toString(), "lease", properties.lease().toString(), "detectedAt", now.toString()),
                    task.getVersion());
            return Optional.of(task.getKey());
        } catch (ConcurrentTaskModificationException | IllegalTransitionException e) {
            //why: the task moved (a heartbeat, a finish) since we read it; it is no longer ours to judge
            log.debug("Left task {} alone: {}", task.getKey(), e.getMessage());
            return Optional.empty();
        }
    }

    static Instant lastSignOfLife(Task task) {
        Instant heartbeat = task.getHeartbeatAt();
        Instant updated = task.getUpdatedAt() != null ? task.getUpdatedAt() : task.getCreatedAt();
        if (updated == null && heartbeat == null) {
            //why: a document not yet upgraded may carry no times at all; it has shown no life we can date
            return Instant.EPOCH;
        }
        if (heartbeat == null) {
            return updated;
        }
        return updated == null || heartbeat.isAfter(updated) ? heartbeat : updated;
    }

    /** Sends every INTERRUPTED task back to PENDING; returns the keys retried. */
    public List<String> retryInterrupted(String actor, String reason) {
        List<String> retried = new ArrayList<>();
        List<Task> interrupted = new ArrayList<>();
        tasks.forEachIn(Set.of(TaskState.INTERRUPTED), interrupted::add);
        for (Task task : interrupted) {
            try {
                tasks.transition(task.getId(), TaskState.PENDING, actor, reason == null ? "bulk retry" : reason,
                        Map.of("bulk", true), task.getVersion());
                retried.add(task.getKey());
            } catch (ConcurrentTaskModificationException | IllegalTransitionException e) {
                log.debug("Did not retry task {}: {}", task.getKey(), e.getMessage());
            }
        }
        return retried;
    }

    /** Retries one INTERRUPTED or FAILED task. */
    public Task retry(String reference, String actor, String reason) {
        return tasks.retry(reference, actor, reason == null ? "retry requested" : reason);
    }

    /** The start-up pass of this process, or (before it ran) the one stored by the last process. */
    public Optional<RecoveryReport> startupReport() {
        return startup != null ? Optional.of(startup) : reports.load(STARTUP_REPORT, RecoveryReport.class);
    }

    /** The latest pass, kept across restarts. */
    public Optional<RecoveryReport> lastReport() {
        return last != null ? Optional.of(last) : reports.load(LAST_REPORT, RecoveryReport.class)
                .or(() -> reports.load(STARTUP_REPORT, RecoveryReport.class));
    }
}

package io.taskvault.integrity;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Service;

import io.taskvault.archive.ArchiveStore;
import io.taskvault.integrity.IntegrityReport.Finding;
import io.taskvault.system.ProgressListener;
import io.taskvault.system.OperationsReports;
import io.taskvault.task.RawTaskDocuments;
import io.taskvault.task.Task;
import io.taskvault.task.TaskNotFoundException;
import io.taskvault.task.TaskPage;
import io.taskvault.task.TaskQuery;
import io.taskvault.task.TaskProperties;
import io.taskvault.task.TaskService;
import io.taskvault.task.deletion.TombstoneStore;
import io.taskvault.task.history.ChainReport;

/**
 * Walks every task's hash chain (through {@link TaskService#verify}) and checks that the task's fields are the
 * projection of its events, and accounts for every key ever handed out: a task, an archive entry or a deleted task's
 * tombstone answers to each; the last report is kept for the dashboard and health.
 */
@Service
public class IntegrityCheck implements SchedulingConfigurer {

    static final String REPORT = "integrity";
    private static final int MAX_MISSING = 100;
    private static final Logger log = LoggerFactory.getLogger(IntegrityCheck.class);

    private final TaskService tasks;
    private final RawTaskDocuments documents;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final OperationsReports reports;
    private final ArchiveStore archive;
    private final TombstoneStore tombstones;
    private final String keyPrefix;
    private final IntegrityProperties schedule;
    private volatile IntegrityReport last;

    IntegrityCheck(TaskService tasks, RawTaskDocuments documents, Clock clock, ApplicationEventPublisher events,
                   OperationsReports reports, ArchiveStore archive, TombstoneStore tombstones, TaskProperties properties,
                   IntegrityProperties schedule) {
        this.schedule = schedule;
        this.archive = archive;
        this.tombstones = tombstones;
        this.keyPrefix = properties.keyPrefix();
        this.reports = reports;
        this.tasks = tasks;
        this.documents = documents;
        this.clock = clock;
        this.events = events;
    }

    /** Runs {@link #scheduled()} at {@code taskvault.integrity.cron} (never when it is "-"). */
    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addCronTask(this::scheduled, schedule.cron());
    }

    public void scheduled() {
        IntegrityReport report = verifyAll();
        if (report.intact()) {
            log.info("Integrity check: {}", report.summary());
        } else {
            log.error("Integrity check: {}: {}", report.summary(), report.findings());
        }
    }

    /** Every task's chain and projection; the report is kept (across restarts) as the last one. */
    public IntegrityReport verifyAll() {
        return verifyAll(ProgressListener.NONE);
    }

    /** As {@link #verifyAll()}, telling {@code progress} how many tasks have been checked. */
    public IntegrityReport verifyAll(ProgressListener progress) {
        long start = System.nanoTime();
        //why: read first: a task created while the check runs has a later key, which this pass does not account for
        long lastKey = tasks.lastKeyNumber();
        KeyLedger keys = new KeyLedger(keyPrefix);
        List<Finding> findings = new ArrayList<>();
        int checked = 0;
        TaskQuery page = TaskQuery.all().sortedBy(TaskQuery.SortField.CREATED, false).withLimit(TaskQuery.MAX_LIMIT, 0);
        while (page != null) {
            TaskPage found = tasks.list(page);
            for (Task task : found.tasks()) {
                findings.addAll(verify(task));
                keys.saw(task.getKey());
                checked++;
                progress.progress(checked, Math.max(checked, found.total()));
            }
            page = found.nextCursor() == null ? null : page.withCursor(found.nextCursor());
        }
        //why: after the tasks, so a task archived or deleted while they were listed is found where it went
        archive.forEachKey(keys::saw);
        long deleted = tombstones.count();
        tombstones.forEachKey(keys::saw);
        findings.addAll(missing(keys, lastKey));
        IntegrityReport report = new IntegrityReport(clock.instant(), checked, deleted, List.copyOf(findings),
                Duration.ofNanos(System.nanoTime() - start));
        last = report;
        reports.save(REPORT, report);
        events.publishEvent(report);
        return report;
    }

    private static List<Finding> missing(KeyLedger keys, long lastKey) {
        List<Finding> findings = new ArrayList<>();
        keys.missing(lastKey, MAX_MISSING).forEach(key -> findings.add(new Finding(key, "MISSING",
                "the key sequence handed this key out, but no task, archive entry or tombstone has it")));
        long more = keys.missingCount(lastKey) - findings.size();
        if (more > 0) {
            findings.add(new Finding("…", "MISSING", more + " more keys have no task, archive entry or tombstone"));
        }
        return findings;
    }

    /** One task's problems: its chain, then its projection. */
    public List<Finding> verify(Task task) {
        List<Finding> findings = new ArrayList<>();
        try {
            ChainReport chain = tasks.verify(task.getId());
            chain.problems().forEach(p -> findings.add(new Finding(task.getKey(), "CHAIN", p)));
            documents.readHistory(task.getId()).ifPresent(raw -> ProjectionCheck.mismatches(raw.task(), raw.history())
                    .forEach(p -> findings.add(new Finding(task.getKey(), "PROJECTION", p))));
        } catch (TaskNotFoundException e) {
            //why: archived or deleted between the listing and the check; nothing left here to verify
            log.debug("Task {} left while it was being checked", task.getKey());
        } catch (RuntimeException e) {
            findings.add(new Finding(task.getKey(), "UNREADABLE", String.valueOf(e.getMessage())));
        }
        return findings;
    }

    /** The last full check, of this process or (until it runs one) of an earlier one. */
    public Optional<IntegrityReport> lastReport() {
        return last != null ? Optional.of(last) : reports.load(REPORT, IntegrityReport.class);
    }
}

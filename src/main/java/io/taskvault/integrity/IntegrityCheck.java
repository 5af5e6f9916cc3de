package io.taskvault.integrity;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import io.taskvault.integrity.IntegrityReport.Finding;
import io.taskvault.system.ProgressListener;
import io.taskvault.system.OperationsReports;
import io.taskvault.task.RawTaskDocuments;
import io.taskvault.task.Task;
import io.taskvault.task.TaskNotFoundException;
import io.taskvault.task.TaskPage;
import io.taskvault.task.TaskQuery;
import io.taskvault.task.TaskService;
import io.taskvault.task.history.ChainReport;

/**
 * Walks every task's hash chain (through {@link TaskService#verify}) and checks that the task's fields are the
 * projection of its events; the last report is kept for the dashboard and health.
 */
@Service
public class IntegrityCheck {

    static final String REPORT = "integrity";
    private static final Logger log = LoggerFactory.getLogger(IntegrityCheck.class);

    private final TaskService tasks;
    private final RawTaskDocuments documents;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final OperationsReports reports;
    private volatile IntegrityReport last;

    IntegrityCheck(TaskService tasks, RawTaskDocuments documents, Clock clock, ApplicationEventPublisher events,
                   OperationsReports reports) {
        this.reports = reports;
        this.tasks = tasks;
        this.documents = documents;
        this.clock = clock;
        this.events = events;
    }

    @Scheduled(cron = "${taskvault.integrity.cron:0 0 4 * * *}")
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
        List<Finding> findings = new ArrayList<>();
        int checked = 0;
        TaskQuery page = TaskQuery.all().sortedBy(TaskQuery.SortField.CREATED, false).withLimit(TaskQuery.MAX_LIMIT, 0);
        while (page != null) {
            TaskPage found = tasks.list(page);
            for (Task task : found.tasks()) {
                findings.addAll(verify(task));
                checked++;
                progress.progress(checked, Math.max(checked, found.total()));
            }
            page = found.nextCursor() == null ? null : page.withCursor(found.nextCursor());
        }
        IntegrityReport report = new IntegrityReport(clock.instant(), checked, List.copyOf(findings),
                Duration.ofNanos(System.nanoTime() - start));
        last = report;
        reports.save(REPORT, report);
        events.publishEvent(report);
        return report;
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

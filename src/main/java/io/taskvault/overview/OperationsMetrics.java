package io.taskvault.overview;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.taskvault.archive.ArchivalReport;
import io.taskvault.integrity.IntegrityReport;
import io.taskvault.recovery.RecoveryReport;
import io.taskvault.system.MadeAtStart;
import io.taskvault.task.TaskChanged;
import io.taskvault.task.TaskService;
import io.taskvault.task.TaskState;

/**
 * Micrometer meters: tasks by state, transitions (from the {@link TaskChanged} events), recovery, archival and
 * integrity durations and results.
 */
@Component
@MadeAtStart
class OperationsMetrics {

    private final MeterRegistry registry;
    private final AtomicLong recovered = new AtomicLong();
    private final AtomicLong integrityProblems = new AtomicLong();

    OperationsMetrics(MeterRegistry registry, TaskService tasks) {
        this.registry = registry;
        for (TaskState state : TaskState.values()) {
            //why: statistics are one read of their counters document, so a scrape never walks every task per state
            Gauge.builder("taskvault.tasks", tasks, t -> t.statistics().byState().getOrDefault(state, 0L))
                    .tag("state", state.name()).description("Tasks in the hot store by state").register(registry);
        }
        Gauge.builder("taskvault.recovery.recovered", recovered, AtomicLong::get)
                .description("Tasks the last recovery pass interrupted").register(registry);
        Gauge.builder("taskvault.integrity.problems", integrityProblems, AtomicLong::get)
                .description("Problems the last integrity check found").register(registry);
    }

    @EventListener
    void on(TaskChanged changed) {
        if (changed.from() != changed.to() && changed.from() != null) {
            Counter.builder("taskvault.transitions").tag("from", changed.from().name()).tag("to", changed.to().name())
                    .description("State transitions").register(registry).increment();
        }
    }

    @EventListener
    void on(RecoveryReport report) {
        recovered.set(report.recovered());
        Timer.builder("taskvault.recovery").description("Lease recovery passes").register(registry)
                .record(report.took().toNanos(), TimeUnit.NANOSECONDS);
    }

    @EventListener
    void on(ArchivalReport report) {
        Timer.builder("taskvault.archival").tag("outcome", report.succeeded() ? "success" : "stopped")
                .description("Archival runs").register(registry).record(report.took().toNanos(), TimeUnit.NANOSECONDS);
        Counter.builder("taskvault.archival.archived").register(registry).increment(report.archived().size());
    }

    @EventListener
    void on(IntegrityReport report) {
        integrityProblems.set(report.findings().size());
        Timer.builder("taskvault.integrity").register(registry).record(report.took().toNanos(), TimeUnit.NANOSECONDS);
    }
}

package io.taskvault.task;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.task.TaskExecutor;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import io.taskvault.store.StoreSessions;

/**
 * Keeps the statistics' counters equal to a fresh count of the tasks. They are counted again in the background when
 * the store has none yet, after a process ended without closing its store session (it may have died between a task's
 * write and its counters'), after bulk writes around the service ({@link TasksRewritten}), and when a check (one
 * indexed count per state, at most once per {@code taskvault.statistics.check-interval} while statistics are read)
 * finds them off. Writes go on meanwhile: a recount brings its pass to the moment it ends with the changes this
 * process made during it, and gives way (to be tried again) when another process wrote counters meanwhile.
 */
@Component
class StatisticsRecount {

    private static final Logger log = LoggerFactory.getLogger(StatisticsRecount.class);
    private static final int ATTEMPTS = 3;
    //why: a page is one read of the tasks, which other reads of them wait behind on the embedded engine (about 50 ms)
    private static final int PAGE = 2_000;

    private final StatisticsCounters counters;
    private final TaskStore tasks;
    private final StoreSessions sessions;
    private final StatisticsProperties properties;
    private final Clock clock;
    private final TaskExecutor executor;
    private final AtomicBoolean pending = new AtomicBoolean();
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile Instant nextCheck = Instant.MIN;
    private volatile Instant lastRecount;

    StatisticsRecount(StatisticsCounters counters, TaskStore tasks, StoreSessions sessions,
                      StatisticsProperties properties, Clock clock,
                      @Qualifier(TaskExecutionAutoConfiguration.APPLICATION_TASK_EXECUTOR_BEAN_NAME) TaskExecutor executor) {
        this.counters = counters;
        this.tasks = tasks;
        this.sessions = sessions;
        this.properties = properties;
        this.clock = clock;
        this.executor = executor;
    }

    //why: before CrashRepair (order 0), which settles the sessions of processes that ended uncleanly
    @EventListener(ApplicationStartedEvent.class)
    @Order(-1)
    public void onStart() {
        if (counters.read().isEmpty()) {
            request("the store holds no statistics counters yet");
        } else if (!sessions.endedUncleanly().isEmpty()) {
            request("a process ended without closing its store session");
        }
    }

    @EventListener
    public void onRewritten(TasksRewritten rewritten) {
        request("tasks were written in bulk by " + rewritten.by());
    }

    /** Counts the tasks again in the background (requests made meanwhile are served by one recount after it). */
    void request(String reason) {
        log.info("Recounting the task statistics: {}", reason);
        pending.set(true);
        executor.execute(this::drain);
    }

    /** Called by statistics reads: checks the counters when the last check is old enough, or retries a recount. */
    void readerArrived() {
        Instant now = clock.instant();
        if (now.isBefore(nextCheck)) {
            return;
        }
        nextCheck = now.plus(properties.checkInterval());
        executor.execute(pending.get() ? this::drain : this::check);
    }

    /** Whether no recount is asked for or under way. */
    boolean idle() {
        return !pending.get() && !running.get();
    }

    /** When the counters were last replaced by a recount of this process (null: not since it started). */
    Instant lastRecount() {
        return lastRecount;
    }

    private void drain() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        boolean settled = true;
        try {
            while (settled && pending.getAndSet(false)) {
                settled = recountWithRetries();
            }
        } catch (RuntimeException e) {
            pending.set(true);
            settled = false;
            log.warn("Could not recount the task statistics; the next check tries again", e);
        } finally {
            running.set(false);
        }
        //why: a request that came in while this one was finishing found it running and left the work to it
        if (settled && pending.get()) {
            executor.execute(this::drain);
        }
    }

    private boolean recountWithRetries() {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            if (recount()) {
                return true;
            }
            log.debug("Statistics recount attempt {} gave way to writes it could not place", attempt);
        }
        pending.set(true);
        log.info("The task statistics could not be recounted while other processes wrote; the next check tries again");
        return false;
    }

    /** One pass over the tasks; true when the counters were replaced by its result. */
    boolean recount() {
        RecountWindow window = counters.openWindow();
        StatisticsCalculator pass = new StatisticsCalculator();
        try {
            tasks.forEachInIdOrder(CountedFacts.projection().getFieldsObject(), PAGE, task -> {
                CountedFacts facts = CountedFacts.of(task);
                pass.add(facts);
                window.passed(String.valueOf(task.get("_id")), facts);
            });
        } catch (RuntimeException e) {
            counters.closeWindow(window, null);
            throw e;
        }
        Instant at = clock.instant();
        boolean replaced = counters.closeWindow(window, (closing, current) -> {
            if (!closing.correct(pass)) {
                return null;
            }
            logDrift(current, pass);
            return pass.toDocument().append("recountedAt", Date.from(at));
        });
        if (replaced) {
            lastRecount = at;
        }
        return replaced;
    }

    private static void logDrift(Document current, StatisticsCalculator counted) {
        if (current == null) {
            log.info("Counted {} tasks for the statistics", counted.total());
            return;
        }
        StatisticsCalculator kept = StatisticsCalculator.of(current);
        if (kept.total() != counted.total() || !kept.byState().equals(counted.byState())) {
            log.warn("The statistics counters were off (total {} instead of {}, by state {} instead of {}); recounted",
                    kept.total(), counted.total(), kept.byState(), counted.byState());
        }
    }

    /** Compares the counters per state with indexed counts of the tasks, when no write interferes; recounts if off. */
    void check() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        boolean off = false;
        try {
            RecountWindow window = counters.openWindow();
            Map<TaskState, Long> stored = new EnumMap<>(TaskState.class);
            try {
                for (TaskState state : TaskState.values()) {
                    long count = tasks.count(Query.query(Criteria.where("state").is(state.name())));
                    if (count != 0) {
                        stored.put(state, count);
                    }
                }
            } catch (RuntimeException e) {
                counters.closeWindow(window, null);
                throw e;
            }
            boolean[] differs = {false};
            counters.closeWindow(window, (closing, current) -> {
                differs[0] = closing.quiet() && !StatisticsCalculator.of(current == null ? new Document() : current)
                        .byState().equals(stored);
                return null;
            });
            off = differs[0];
        } catch (RuntimeException e) {
            log.warn("Could not check the task statistics against the tasks", e);
        } finally {
            running.set(false);
        }
        if (off) {
            request("the counters per state differ from the tasks'");
        }
    }
}

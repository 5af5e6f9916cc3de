package io.taskvault.overview;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.stereotype.Component;

import io.taskvault.task.Task;
import io.taskvault.task.TaskPage;
import io.taskvault.task.TaskQuery;
import io.taskvault.task.TaskQuery.SortField;
import io.taskvault.task.TaskService;
import io.taskvault.task.TaskState;

/**
 * Draws the overview's created/finished chart. "Finished" is the moment a task reached COMPLETED, FAILED or
 * CANCELLED (its completedAt, which the transitions set on each of the three), not its last change.
 */
@Component
public class ActivityCharts {

    //why: the bars cost one count per bucket and a scan of the recently finished; a minute old is fresh enough
    static final Duration MAX_AGE = Duration.ofMinutes(1);
    static final int SCAN_PAGE = 500;
    static final int SCAN_LIMIT = 20_000;
    //why: archived tasks finished before they were archived, and keep their completedAt
    private static final Set<TaskState> ENDED = Set.of(TaskState.COMPLETED, TaskState.FAILED, TaskState.CANCELLED,
            TaskState.ARCHIVED);

    private final TaskService tasks;
    private final Clock clock;
    private final Executor background;
    private final Map<ActivityChart.Unit, Drawn> drawn = new EnumMap<>(ActivityChart.Unit.class);
    private final Set<ActivityChart.Unit> redrawing = EnumSet.noneOf(ActivityChart.Unit.class);

    /** Redraws on {@code background}: the application's task executor. */
    public ActivityCharts(TaskService tasks, Clock clock,
                          @Qualifier(TaskExecutionAutoConfiguration.APPLICATION_TASK_EXECUTOR_BEAN_NAME) Executor background) {
        this.tasks = tasks;
        this.clock = clock;
        this.background = background;
    }

    /**
     * The chart; only the very first one of a unit is drawn while the request waits. After that a stale chart is
     * served as it is and redrawn in the background (at 100,000 tasks a drawing takes seconds).
     */
    public synchronized ActivityChart chart(ActivityChart.Unit unit) {
        Instant now = clock.instant();
        Drawn last = drawn.get(unit);
        if (last == null) {
            last = new Drawn(now, draw(unit, now));
            drawn.put(unit, last);
        } else if ((last.at.plus(MAX_AGE).isBefore(now) || !unit.firstStart(last.at).equals(unit.firstStart(now)))
                && redrawing.add(unit)) {
            try {
                background.execute(() -> redraw(unit));
            } catch (TaskRejectedException closing) {
                //why: the application is closing; the chart drawn last is still served
                redrawing.remove(unit);
            }
        }
        return last.chart;
    }

    private void redraw(ActivityChart.Unit unit) {
        try {
            Instant at = clock.instant();
            Drawn fresh = new Drawn(at, draw(unit, at));
            synchronized (this) {
                drawn.put(unit, fresh);
            }
        } finally {
            synchronized (this) {
                redrawing.remove(unit);
            }
        }
    }

    private ActivityChart draw(ActivityChart.Unit unit, Instant now) {
        Instant first = unit.firstStart(now);
        int n = unit.buckets();
        long[] created = new long[n];
        long[] finished = new long[n];
        for (int i = 0; i < n; i++) {
            Instant from = unit.start(first, i);
            Instant to = unit.start(first, i + 1).minusMillis(1);
            created[i] = tasks.list(TaskQuery.all().createdBetween(from, to).withLimit(1, 0)).total();
        }
        boolean partial = countFinished(unit, first, finished);
        return ActivityChart.of(unit, first, created, finished, partial);
    }

    /**
     * A task that finished inside the window was last changed inside it too (finishing is a change), so the scan
     * reads only tasks changed since the window opened, page by page with a cursor. Returns whether it stopped
     * at {@link #SCAN_LIMIT} before the end.
     */
    //why: TaskQuery has no completedAt range; with one this would be a count per bucket like "created"
    private boolean countFinished(ActivityChart.Unit unit, Instant first, long[] finished) {
        TaskQuery query = TaskQuery.builder().states(ENDED).updatedBetween(first, null).sortedBy(SortField.UPDATED, true)
                .page(SCAN_PAGE, 0).build();
        int read = 0;
        String cursor = null;
        do {
            TaskPage page = tasks.list(cursor == null ? query : query.withCursor(cursor));
            for (Task task : page.tasks()) {
                Instant done = task.getCompletedAt();
                if (done != null && !done.isBefore(first)) {
                    int index = index(unit, first, done);
                    if (index >= 0 && index < finished.length) {
                        finished[index]++;
                    }
                }
            }
            read += page.tasks().size();
            cursor = page.nextCursor();
        } while (cursor != null && read < SCAN_LIMIT);
        return cursor != null;
    }

    private static int index(ActivityChart.Unit unit, Instant first, Instant at) {
        long millis = Duration.between(first, at).toMillis();
        long width = unit == ActivityChart.Unit.HOUR ? Duration.ofHours(1).toMillis() : Duration.ofDays(1).toMillis();
        return (int) (millis / width);
    }

    private record Drawn(Instant at, ActivityChart chart) {
    }
}

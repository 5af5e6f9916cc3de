package io.taskvault.overview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.taskvault.task.web.WebFixtures;
import io.taskvault.task.Task;
import io.taskvault.task.TaskPage;
import io.taskvault.task.TaskService;
import io.taskvault.task.TaskState;

class ActivityChartsTest {

    private final TaskService tasks = mock(TaskService.class);
    private final ActivityCharts charts = new ActivityCharts(tasks, Clock.fixed(WebFixtures.NOW, ZoneOffset.UTC), Runnable::run);

    private static Task finished(String key, TaskState state, Duration completedAgo, Duration updatedAgo) {
        Task t = WebFixtures.task(key, state);
        t.setCompletedAt(WebFixtures.NOW.minus(completedAgo));
        t.setUpdatedAt(WebFixtures.NOW.minus(updatedAgo));
        return t;
    }

    @Test
    void countsFinishedTasksInTheHourTheyFinishedNotTheHourTheyLastChanged() {
        given(tasks.list(any())).willReturn(new TaskPage(List.of(), 0, 0, 1, null));
        given(tasks.list(argThat(q -> q != null && q.updatedFrom() != null))).willReturn(new TaskPage(List.of(
                finished("TV-1", TaskState.COMPLETED, Duration.ofHours(3), Duration.ZERO),
                finished("TV-2", TaskState.FAILED, Duration.ofHours(3).plusMinutes(10), Duration.ofMinutes(5)),
                finished("TV-3", TaskState.CANCELLED, Duration.ofMinutes(1), Duration.ofMinutes(1)),
                finished("TV-4", TaskState.ARCHIVED, Duration.ofDays(3), Duration.ZERO)), 4, 0, 500, null));

        ActivityChart chart = charts.chart(ActivityChart.Unit.HOUR);

        assertThat(chart.buckets()).hasSize(24);
        assertThat(chart.buckets().get(23).label()).isEqualTo("10h");
        assertThat(chart.buckets().get(22).finished()).isEqualTo(1);
        assertThat(chart.buckets().get(20).finished()).isEqualTo(1);
        assertThat(chart.buckets().get(19).finished()).isEqualTo(1);
        assertThat(chart.buckets().stream().mapToLong(ActivityChart.Bucket::finished).sum())
                .as("the task archived after finishing three days ago is outside the 24 hours").isEqualTo(3);
        assertThat(chart.partial()).isFalse();
    }

    @Test
    void countsCreatedTasksPerDayOverTwoWeeks() {
        given(tasks.list(any())).willReturn(new TaskPage(List.of(), 0, 0, 500, null));
        given(tasks.list(argThat(q -> q != null && q.createdFrom() != null
                && q.createdFrom().equals(WebFixtures.NOW.truncatedTo(java.time.temporal.ChronoUnit.DAYS)))))
                .willReturn(new TaskPage(List.of(), 7, 0, 1, null));

        ActivityChart chart = charts.chart(ActivityChart.Unit.DAY);

        assertThat(chart.buckets()).hasSize(14);
        assertThat(chart.buckets().get(13).label()).isEqualTo("20/11");
        assertThat(chart.buckets().get(13).created()).isEqualTo(7);
        assertThat(chart.buckets().get(12).created()).isZero();
        assertThat(chart.max()).isEqualTo(7);
    }

    @Test
    void servesAStaleChartAtOnceAndRedrawsItInTheBackground() {
        given(tasks.list(any())).willReturn(new TaskPage(List.of(), 0, 0, 500, null));
        Clock clock = mock(Clock.class);
        given(clock.instant()).willReturn(WebFixtures.NOW);
        java.util.Queue<Runnable> queued = new java.util.ArrayDeque<>();
        ActivityCharts lazy = new ActivityCharts(tasks, clock, queued::add);
        ActivityChart first = lazy.chart(ActivityChart.Unit.DAY);

        given(clock.instant()).willReturn(WebFixtures.NOW.plus(Duration.ofMinutes(2)));
        given(tasks.list(any())).willReturn(new TaskPage(List.of(), 5, 0, 500, null));

        assertThat(lazy.chart(ActivityChart.Unit.DAY)).isSameAs(first);
        assertThat(lazy.chart(ActivityChart.Unit.DAY)).as("one redraw at a time").isSameAs(first);
        assertThat(queued).hasSize(1);
        queued.poll().run();
        assertThat(lazy.chart(ActivityChart.Unit.DAY).max()).isEqualTo(5);
    }
}

package io.taskvault.task.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import io.taskvault.store.EmbeddedMongoServer;
import io.taskvault.archive.ArchivalJob;
import io.taskvault.graph.NextTaskPicker;
import io.taskvault.integrity.IntegrityCheck;
import io.taskvault.store.StoreInfo;
import io.taskvault.task.Task;
import io.taskvault.task.TaskQuery;
import io.taskvault.task.TaskQuery.SortField;
import io.taskvault.task.TaskService;
import io.taskvault.task.TaskState;

/** The overview at /: where work stands, what is stuck, what failed, and how the store is doing. */
@Controller
class OverviewController {

    static final String PAGE = "overview/overview";
    static final String LIVE = "overview/overview :: live";
    static final int DAYS = 14;
    //why: the bars are 28 count queries; per-day bars need no second-by-second freshness, the other panels stay live
    static final Duration CHART_MAX_AGE = Duration.ofMinutes(1);
    private static final Set<TaskState> FINISHED = Set.of(TaskState.COMPLETED, TaskState.FAILED, TaskState.CANCELLED);

    private final TaskService tasks;
    private final StoreInfo store;
    private final Clock clock;
    private volatile DailyChart chart;
    private volatile Instant chartAt = Instant.EPOCH;

    private final ObjectProvider<ArchivalJob> archival;
    private final ObjectProvider<IntegrityCheck> integrity;
    private final ObjectProvider<NextTaskPicker> next;

    OverviewController(TaskService tasks, StoreInfo store, Clock clock, ObjectProvider<ArchivalJob> archival,
                       ObjectProvider<IntegrityCheck> integrity, ObjectProvider<NextTaskPicker> next) {
        this.tasks = tasks;
        this.store = store;
        this.clock = clock;
        this.archival = archival;
        this.integrity = integrity;
        this.next = next;
    }

    @GetMapping("/")
    String page(Model model) {
        fill(model);
        return PAGE;
    }

    @HxRequest
    @GetMapping("/")
    String live(Model model) {
        fill(model);
        return LIVE;
    }

    private void fill(Model model) {
        Instant now = clock.instant();
        model.addAttribute("stats", tasks.statistics());
        model.addAttribute("states", TaskState.values());
        model.addAttribute("chart", recentChart(now));
        model.addAttribute("longestRunning", longestRunning());
        model.addAttribute("recentFailures", tasks.list(TaskQuery.all().withStates(Set.of(TaskState.FAILED))
                .sortedBy(SortField.UPDATED, true).withLimit(5, 0)).tasks());
        model.addAttribute("now", now);
        model.addAttribute("engine", store.engine());
        archival.ifAvailable(job -> model.addAttribute("archival", job.status()));
        integrity.ifAvailable(check -> check.lastReport().ifPresent(report -> model.addAttribute("integrity", report)));
        next.ifAvailable(picker -> model.addAttribute("nextTask", picker.next(null, null, null)));
        model.addAttribute("dataFileSize", store.embeddedServer().map(EmbeddedMongoServer::fileSize).orElse(null));
    }

    private DailyChart recentChart(Instant now) {
        if (chart == null || chartAt.plus(CHART_MAX_AGE).isBefore(now)
                || !LocalDate.ofInstant(chartAt, ZoneOffset.UTC).equals(LocalDate.ofInstant(now, ZoneOffset.UTC))) {
            chart = chart(now);
            chartAt = now;
        }
        return chart;
    }

    //why: "finished that day" counts finished tasks whose last change fell on that day; TaskQuery has no completedAt range
    private DailyChart chart(Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        List<LocalDate> dates = new ArrayList<>();
        List<Long> created = new ArrayList<>();
        List<Long> finished = new ArrayList<>();
        for (int i = DAYS - 1; i >= 0; i--) {
            LocalDate day = today.minusDays(i);
            Instant from = day.atStartOfDay().toInstant(ZoneOffset.UTC);
            Instant to = from.plus(Duration.ofDays(1)).minusMillis(1);
            dates.add(day);
            created.add(tasks.list(TaskQuery.all().createdBetween(from, to).withLimit(1, 0)).total());
            finished.add(tasks.list(new TaskQuery(FINISHED, null, null, null, null, null, null, null, from, to, null,
                    true, 1, 0, null)).total());
        }
        return DailyChart.of(dates, created, finished);
    }

    //why: no sort by startedAt exists, so the oldest-updated running tasks are read and ordered here
    private List<Task> longestRunning() {
        return tasks.list(TaskQuery.all().withStates(Set.of(TaskState.RUNNING)).sortedBy(SortField.UPDATED, false)
                        .withLimit(100, 0)).tasks().stream()
                .sorted(Comparator.comparing(t -> t.getStartedAt() == null ? Instant.MAX : t.getStartedAt()))
                .limit(5).toList();
    }
}

package io.taskvault.overview.web;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import io.taskvault.archive.ArchivalJob;
import io.taskvault.graph.NextTaskPicker;
import io.taskvault.integrity.IntegrityCheck;
import io.taskvault.overview.ActivityChart;
import io.taskvault.overview.ActivityCharts;
import io.taskvault.overview.StoreFigures;
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

    private final TaskService tasks;
    private final StoreFigures store;
    private final Clock clock;
    private final ActivityCharts charts;

    private final ObjectProvider<ArchivalJob> archival;
    private final ObjectProvider<IntegrityCheck> integrity;
    private final ObjectProvider<NextTaskPicker> next;

    OverviewController(TaskService tasks, StoreFigures store, Clock clock, ActivityCharts charts,
                       ObjectProvider<ArchivalJob> archival,
                       ObjectProvider<IntegrityCheck> integrity, ObjectProvider<NextTaskPicker> next) {
        this.tasks = tasks;
        this.store = store;
        this.clock = clock;
        this.charts = charts;
        this.archival = archival;
        this.integrity = integrity;
        this.next = next;
    }

    /** chart=hour|day picks the chart's buckets; it lives in the URL like the list's filters. */
    @GetMapping("/")
    String page(@RequestParam(name = "chart", required = false) String chart, Model model) {
        fill(chart, model);
        return PAGE;
    }

    @HxRequest
    @GetMapping("/")
    String live(@RequestParam(name = "chart", required = false) String chart, Model model) {
        fill(chart, model);
        return LIVE;
    }

    private void fill(String chartUnit, Model model) {
        Instant now = clock.instant();
        ActivityChart.Unit unit = ActivityChart.Unit.parse(chartUnit);
        model.addAttribute("stats", tasks.statistics());
        model.addAttribute("states", TaskState.values());
        model.addAttribute("chart", charts.chart(unit));
        model.addAttribute("units", ActivityChart.Unit.values());
        model.addAttribute("longestRunning", longestRunning());
        model.addAttribute("recentFailures", tasks.list(TaskQuery.all().withStates(Set.of(TaskState.FAILED))
                .sortedBy(SortField.UPDATED, true).withLimit(5, 0)).tasks());
        model.addAttribute("now", now);
        model.addAttribute("engine", store.engine());
        archival.ifAvailable(job -> model.addAttribute("archival", job.status()));
        integrity.ifAvailable(check -> check.lastReport().ifPresent(report -> model.addAttribute("integrity", report)));
        next.ifAvailable(picker -> model.addAttribute("nextTask", picker.next(null, null, null)));
        model.addAttribute("dataFileSize", store.dataFileSize());
    }

    //why: no sort by startedAt exists, so the oldest-updated running tasks are read and ordered here
    private List<Task> longestRunning() {
        return tasks.list(TaskQuery.all().withStates(Set.of(TaskState.RUNNING)).sortedBy(SortField.UPDATED, false)
                        .withLimit(100, 0)).tasks().stream()
                .sorted(Comparator.comparing(t -> t.getStartedAt() == null ? Instant.MAX : t.getStartedAt()))
                .limit(5).toList();
    }
}

package io.taskvault.task.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.taskvault.overview.ActivityChart;
import io.taskvault.overview.ActivityCharts;
import io.taskvault.TaskvaultApplication;
import io.taskvault.support.TaskDrafts;
import io.taskvault.task.TaskPage;
import io.taskvault.task.TaskQuery;
import io.taskvault.task.TaskService;
import io.taskvault.task.TaskState;

/**
 * What the dashboard's list and chart cost at scale: page 1, a deep page by offset and by cursor, the extra
 * one-row read for the previous cursor, and drawing the hourly and daily charts. Not a test (no "Test" suffix).
 * Run (after {@code mvn test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt}):
 * {@code java -cp target/test-classes:target/classes:$(cat target/bench-classpath.txt) io.taskvault.task.web.DashboardAtScale 100000}
 */
public final class DashboardAtScale {

    private DashboardAtScale() {
    }

    public static void main(String[] args) throws Exception {
        int total = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int finished = Math.min(2_000, total / 10);
        Path folder = Files.createTempDirectory(Path.of("target"), "bench-dashboard-");
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(TaskvaultApplication.class)
                .web(WebApplicationType.NONE).logStartupInfo(false)
                .properties("spring.shell.interactive.enabled=false", "logging.level.root=warn",
                        "taskvault.store.path=" + folder.resolve("taskvault.mv"))
                .run()) {
            TaskService tasks = app.getBean(TaskService.class);
            long start = System.nanoTime();
            List<String> ids = create(tasks, total);
            System.out.printf("created %d tasks in %.1f s%n", total, (System.nanoTime() - start) / 1e9);
            for (int i = 0; i < finished; i++) {
                tasks.transition(ids.get(i), TaskState.CANCELLED, "bench", "done");
            }
            TaskFilter filter = new TaskFilter();
            time("list page 1 (25 rows + total)", () -> tasks.list(filter.toQuery()));
            filter.setPage(total / TaskFilter.PAGE_SIZE - 1);
            TaskPage deep = time("list page " + filter.getPage() + " by offset", () -> tasks.list(filter.toQuery()));
            filter.setAfter(deep.nextCursor());
            filter.setPage(filter.getPage() + 1);
            time("list next page by cursor", () -> tasks.list(filter.toQuery()));
            TaskQuery query = filter.toQuery();
            time("previous cursor (one-row read)", () -> tasks.list(query.withLimit(1, 0)));
            time("chart per hour (24 counts + scan of " + finished + " finished)",
                    () -> new ActivityCharts(tasks, Clock.systemUTC(), Runnable::run).chart(ActivityChart.Unit.HOUR));
            time("chart per day (14 counts + scan)",
                    () -> new ActivityCharts(tasks, Clock.systemUTC(), Runnable::run).chart(ActivityChart.Unit.DAY));
            time("filtered list state=CANCELLED page 1",
                    () -> tasks.list(TaskQuery.all().withStates(Set.of(TaskState.CANCELLED)).withLimit(25, 0)));
        }
    }

    private static <T> T time(String what, Supplier<T> action) {
        action.get(); //why: the first call warms caches and JIT; the figure is the median of the next five
        long[] took = new long[5];
        T result = null;
        for (int i = 0; i < took.length; i++) {
            long start = System.nanoTime();
            result = action.get();
            took[i] = System.nanoTime() - start;
        }
        java.util.Arrays.sort(took);
        System.out.printf("%-60s %8.1f ms%n", what, took[2] / 1e6);
        return result;
    }

    private static List<String> create(TaskService tasks, int total) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<List<String>>> parts = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int count = total / 4 + (t < total % 4 ? 1 : 0);
            parts.add(pool.submit(() -> {
                List<String> made = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    made.add(tasks.create(TaskDrafts.aTask().build(), "bench").getId());
                }
                return made;
            }));
        }
        List<String> ids = new ArrayList<>();
        for (Future<List<String>> part : parts) {
            ids.addAll(part.get());
        }
        pool.shutdown();
        return ids;
    }
}

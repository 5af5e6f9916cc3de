package io.taskvault.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.bson.Document;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

import io.taskvault.TaskvaultApplication;
import io.taskvault.store.schema.BatchUpgrade;
import io.taskvault.store.schema.Fixtures;
import io.taskvault.store.schema.UpgradeReport;
import io.taskvault.task.TaskService;

/**
 * Not a test: times the batch upgrade of N v1 task documents on the embedded store (what the start-up upgrader
 * runs in the background), and how long single-task reads (one every 20 ms) wait meanwhile. Run with
 * {@code src/test/bench/run.sh SchemaUpgradeBenchmark 100000}.
 */
public final class SchemaUpgradeBenchmark {

    private SchemaUpgradeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Path store = Files.createTempDirectory("taskvault-bench");
        SpringApplication app = new SpringApplication(TaskvaultApplication.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        //why: system properties, not arguments (the shell runner would take those for a command to run), and
        // not default properties, which application.yml overrides
        java.util.Map.of("spring.shell.interactive.enabled", "false", "taskvault.schema.upgrade-on-start", "false",
                "taskvault.store.path", store.resolve("tv.mv").toString(), "logging.level.root", "warn")
                .forEach(System::setProperty);
        try (ConfigurableApplicationContext context = app.run()) {
            MongoTemplate mongo = context.getBean(MongoTemplate.class);
            Fixtures.allowKeylessTasks(mongo);
            long insertStart = System.nanoTime();
            for (int from = 0; from < count; from += 5_000) {
                List<Document> batch = new ArrayList<>();
                for (int i = from; i < Math.min(count, from + 5_000); i++) {
                    batch.add(v1(i));
                }
                mongo.getCollection("tasks").insertMany(batch);
            }
            System.out.printf("inserted %d v1 tasks in %d ms%n", count, (System.nanoTime() - insertStart) / 1_000_000);
            TaskService service = context.getBean(TaskService.class);
            AtomicBoolean done = new AtomicBoolean();
            List<Long> waits = new ArrayList<>();
            Thread reader = new Thread(() -> {
                int i = 0;
                while (!done.get()) {
                    long start = System.nanoTime();
                    service.get("TASK-B-" + (i++ * 7919L % count));
                    waits.add((System.nanoTime() - start) / 1_000);
                    pause(20);
                }
            });
            reader.start();
            long upgradeStart = System.nanoTime();
            Thread progress = new Thread(() -> {
                while (!done.get()) {
                    pause(30_000);
                    //why: one CREATED event per adopted task, and counting a whole collection costs nothing
                    System.out.printf("  %d s: %d of %d adopted%n", (System.nanoTime() - upgradeStart) / 1_000_000_000,
                            mongo.getCollection("task_history").countDocuments(), count);
                }
            });
            progress.setDaemon(true);
            progress.start();
            //why: on a shared machine wall time says more about the neighbours; CPU time is this process's cost
            var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            long cpuStart = os.getProcessCpuTime();
            UpgradeReport report = context.getBean(BatchUpgrade.class).run();
            long cpuNanos = os.getProcessCpuTime() - cpuStart;
            done.set(true);
            reader.join();
            long[] sorted = waits.stream().mapToLong(Long::longValue).sorted().toArray();
            System.out.printf("upgraded %d v1 tasks in %d ms (%.0f tasks/s)%n", report.rewritten(), report.millis(),
                    report.rewritten() * 1000.0 / Math.max(1, report.millis()));
            System.out.printf("CPU time of the whole process during the upgrade: %.1f s (%.2f ms per document)%n",
                    cpuNanos / 1e9, cpuNanos / 1e6 / Math.max(1, report.rewritten()));
            System.out.printf("reads during the upgrade: %d, wait p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", sorted.length,
                    pct(sorted, 50), pct(sorted, 99), sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1000.0);
            System.out.println("after: " + report.after());
        }
        System.exit(0);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static double pct(long[] sorted, int p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, sorted.length * p / 100)] / 1000.0;
    }

    private static Document v1(int i) {
        return new Document("_id", "TASK-B-" + i).append("id", "TASK-B-" + i).append("content", "Legacy task " + i)
                .append("status", Arrays.asList("pending", "in_progress", "completed", "blocked").get(i % 4))
                .append("priority", Arrays.asList("high", "medium", "low").get(i % 3))
                .append("metadata", new Document("created_at", "2024-01-01T00:00:00Z").append("story_id", "STORY-" + i / 10))
                .append("relationships", new Document("depends_on", List.of()));
    }
}

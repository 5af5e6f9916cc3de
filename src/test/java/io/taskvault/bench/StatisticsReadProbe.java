package io.taskvault.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

import io.taskvault.TaskvaultApplication;
import io.taskvault.task.Task;
import io.taskvault.task.TaskService;
import io.taskvault.task.TaskStatistics;

/**
 * CPU per statistics read, and per full count of the tasks (what a read paid after every write before the counters),
 * at a given number of tasks: {@code src/test/bench/run.sh StatisticsReadProbe 20000}. CPU time, not wall time, so
 * a loaded machine does not blur it: the whole process's (the embedded server answers in the same JVM).
 */
public final class StatisticsReadProbe {

    private static final String[] STATES = {"PENDING", "QUEUED", "RUNNING", "COMPLETED", "FAILED", "CANCELLED"};

    public static void main(String[] args) throws Exception {
        int size = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int reads = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
        Path folder = Files.createTempDirectory(Path.of("target"), "bench-statistics-");
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(TaskvaultApplication.class)
                .web(WebApplicationType.NONE).logStartupInfo(false)
                .properties("spring.shell.interactive.enabled=false", "logging.level.root=warn",
                        "taskvault.scheduling.enabled=false", "taskvault.store.path=" + folder.resolve("taskvault.mv"))
                .run()) {
            TaskService tasks = app.getBean(TaskService.class);
            MongoTemplate mongo = app.getBean(MongoTemplate.class);
            insert(mongo, size);
            mongo.getCollection("task_statistics").deleteMany(new Document());
            double[] recount = cpu(() -> tasks.statistics());
            TaskStatistics counted = tasks.statistics();
            double[] perRead = cpu(() -> {
                for (int i = 0; i < reads; i++) {
                    tasks.statistics();
                }
            });
            System.out.printf("tasks %,d (counted %,d)%n", size, counted.total());
            System.out.printf("full count of the tasks (a read without counters): process CPU %.1f ms, reader thread %.1f ms%n",
                    recount[0], recount[1]);
            System.out.printf("statistics read from the counters: process CPU %.3f ms, reader thread %.3f ms per read (%,d reads)%n",
                    perRead[0] / reads, perRead[1] / reads, reads);
        }
    }

    private static void insert(MongoTemplate mongo, int size) {
        List<Document> batch = new ArrayList<>();
        long now = System.currentTimeMillis();
        for (int i = 0; i < size; i++) {
            String state = STATES[i % STATES.length];
            Document task = new Document("_id", UUID.randomUUID().toString()).append("key", "TV-P" + i)
                    .append("title", "probe task " + i).append("state", state).append("role", BulkLoader.ROLES[i % 5])
                    .append("provider", i % 2 == 0 ? "claude" : "codex").append("complexityScore", 1 + i % 10)
                    .append("version", 1).append("schemaVersion", Task.SCHEMA_VERSION)
                    .append("createdAt", new Date(now)).append("updatedAt", new Date(now));
            if (state.equals("COMPLETED") || state.equals("FAILED")) {
                task.append("startedAt", new Date(now - 60_000 - i)).append("completedAt", new Date(now));
            }
            batch.add(task);
            if (batch.size() == 1_000) {
                mongo.getCollection(Task.COLLECTION).insertMany(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            mongo.getCollection(Task.COLLECTION).insertMany(batch);
        }
    }

    /** Process and calling thread CPU milliseconds the work took. */
    private static double[] cpu(Runnable work) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long process = os.getProcessCpuTime();
        long thread = threads.getCurrentThreadCpuTime();
        work.run();
        return new double[] {(os.getProcessCpuTime() - process) / 1e6, (threads.getCurrentThreadCpuTime() - thread) / 1e6};
    }
}

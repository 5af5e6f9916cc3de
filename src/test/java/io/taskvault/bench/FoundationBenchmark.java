package io.taskvault.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.taskvault.TaskvaultApplication;
import io.taskvault.store.EmbeddedMongoServer;
import io.taskvault.store.StoreInfo;
import io.taskvault.task.CrashRepair;
import io.taskvault.task.Priority;
import io.taskvault.task.Task;
import io.taskvault.task.TaskDraft;
import io.taskvault.task.TaskQuery;
import io.taskvault.task.TaskService;
import io.taskvault.task.TaskState;

/**
 * The foundation's figures on a fresh embedded store at 10,000 and 100,000 tasks: create throughput, get by id,
 * a 50-event history read, the first page of a filtered list, disk bytes per 1,000 tasks.
 * Run: {@code src/test/bench/run.sh FoundationBenchmark [maxTasks]}
 */
public final class FoundationBenchmark {

    private static final String[] ROLES = {"backend", "frontend", "qa", "ops", "docs"};
    private static final int THREADS = 8;
    private static final com.sun.management.OperatingSystemMXBean PROCESS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private FoundationBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int max = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Path folder = Files.createTempDirectory(Path.of("target"), "bench-foundation-");
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(TaskvaultApplication.class)
                .web(WebApplicationType.NONE).logStartupInfo(false)
                .properties("spring.shell.interactive.enabled=false", "logging.level.root=warn",
                        "taskvault.store.path=" + folder.resolve("taskvault.mv"))
                .run()) {
            TaskService tasks = app.getBean(TaskService.class);
            StoreInfo store = app.getBean(StoreInfo.class);
            List<String> ids = new ArrayList<>();
            System.out.printf("%-9s | %-10s | %-15s | %-20s | %-21s | %-14s | %-16s | %s%n", "tasks", "create /s",
                    "get p50/p99 ms", "history50 p50/p99 ms", "list page1 p50/p99 ms", "repair scan ms",
                    "disk B/1000 live", "disk B/1000 compacted");
            for (int target : new int[] {10_000, 100_000}) {
                if (target > max) {
                    break;
                }
                double rate = createUpTo(tasks, ids, target);
                String get = measureGets(tasks, ids);
                String history = measureHistory(tasks);
                String list = measureList(tasks);
                long repair = app.getBean(CrashRepair.class).repairAll().took().toMillis();
                EmbeddedMongoServer server = store.embeddedServer().orElseThrow();
                server.committer().checkpoint();
                long live = server.fileSize();
                long compactStart = System.nanoTime();
                server.compact();
                long compacted = server.fileSize();
                System.err.printf("compaction at %d tasks took %d ms%n", target, (System.nanoTime() - compactStart) / 1_000_000);
                System.out.printf("%-9d | %-10.0f | %-15s | %-20s | %-21s | %-14d | %-16d | %d%n", target, rate, get,
                        history, list, repair, live * 1000 / target, compacted * 1000 / target);
            }
        }
    }

    private static double createUpTo(TaskService tasks, List<String> ids, int target) throws Exception {
        int toCreate = target - ids.size();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            long cpuStart = PROCESS.getProcessCpuTime();
            long start = System.nanoTime();
            List<Future<List<String>>> parts = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int count = toCreate / THREADS + (t < toCreate % THREADS ? 1 : 0);
                parts.add(pool.submit(() -> {
                    List<String> created = new ArrayList<>();
                    for (int i = 0; i < count; i++) {
                        created.add(tasks.create(draft(), "bench").getId());
                    }
                    return created;
                }));
            }
            for (Future<List<String>> part : parts) {
                ids.addAll(part.get());
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            //why: beside the rate, what a create costs the whole process; both move with this machine's speed, so only
            //    runs taken in turn compare
            System.err.printf("created %d tasks: %.2f CPU ms per create (all threads: service, engine, checkpoints)%n",
                    toCreate, (PROCESS.getProcessCpuTime() - cpuStart) / 1e6 / toCreate);
            return toCreate / seconds;
        } finally {
            pool.shutdownNow();
        }
    }

    private static String measureGets(TaskService tasks, List<String> ids) {
        Percentiles p = new Percentiles(5_000);
        for (int i = 0; i < 5_000; i++) {
            String id = ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
            long start = System.nanoTime();
            tasks.get(id);
            p.add(System.nanoTime() - start);
        }
        return p.p50p99();
    }

    private static String measureHistory(TaskService tasks) {
        Task task = tasks.create(draft(), "bench");
        for (int i = 0; i < 49; i++) {
            tasks.addNote(task.getId(), "note " + i, "bench");
        }
        Percentiles p = new Percentiles(500);
        for (int i = 0; i < 500; i++) {
            long start = System.nanoTime();
            int events = tasks.history(task.getId()).size();
            p.add(System.nanoTime() - start);
            if (events != 50) {
                throw new IllegalStateException("expected 50 events, read " + events);
            }
        }
        return p.p50p99();
    }

    private static String measureList(TaskService tasks) {
        TaskQuery query = TaskQuery.all().withStates(Set.of(TaskState.PENDING)).withRoles(Set.of("qa"))
                .sortedBy(TaskQuery.SortField.UPDATED, true).withLimit(50, 0);
        Percentiles p = new Percentiles(100);
        for (int i = 0; i < 100; i++) {
            long start = System.nanoTime();
            tasks.list(query);
            p.add(System.nanoTime() - start);
        }
        return p.p50p99();
    }

    private static TaskDraft draft() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return TaskDraft.builder("Implement part " + random.nextInt(1_000_000) + " of the delivery pipeline")
                .description("Write the code, the tests and the docs for this part; keep the build green.")
                .role(ROLES[random.nextInt(ROLES.length)]).priority(Priority.values()[random.nextInt(4)])
                .tags(List.of("bench", "wave-" + random.nextInt(10))).ai("claude", "sonnet")
                .repository("https://git.example.com/app.git", "feature/x", "main").targetDir(".").fullAccess(false)
                .affectedFiles(List.of("src/App.java")).complexityScore(random.nextInt(1, 11))
                .groups("STORY-1", "EPIC-1", "developer").build();
    }
}

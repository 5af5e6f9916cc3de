package io.taskvault.bench;

import static io.taskvault.support.TaskDrafts.aTask;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.context.ConfigurableApplicationContext;

import io.taskvault.store.EmbeddedMongoServer;
import io.taskvault.store.StoreInfo;
import io.taskvault.task.TaskService;

/**
 * Whether the embedded store's stepwise compaction stalls writers (issue 17: "without stalling writers for more than a
 * few milliseconds"). Two fresh stores get the same tasks and the same churn (every task edited again and again, so
 * the file fills with dead pages), then 4 threads edit tasks for a while: once with housekeeping every 100 ms, so
 * compaction steps run between the writes, and once with housekeeping off. Prints the write latencies of both, the
 * compaction steps that ran and the longest time one step held the write lock.
 * Usage: src/test/bench/run.sh CompactionStallProbe [tasks] [seconds]
 */
public final class CompactionStallProbe {

    private static final int WRITERS = 4;

    private CompactionStallProbe() {
    }

    public static void main(String[] args) throws Exception {
        int size = Integer.parseInt(args.length > 0 ? args[0] : "2000");
        int seconds = Integer.parseInt(args.length > 1 ? args[1] : "20");
        for (String housekeeping : new String[] {"100ms", "1h"}) {
            Path folder = Files.createTempDirectory(Path.of("target"), "bench-compaction-");
            try (ConfigurableApplicationContext app = PerformanceSuite.start(folder.resolve("taskvault.mv"),
                    "--taskvault.store.housekeeping-interval=" + housekeeping)) {
                TaskService tasks = app.getBean(TaskService.class);
                EmbeddedMongoServer server = app.getBean(StoreInfo.class).embeddedServer().orElseThrow();
                List<String> keys = new ArrayList<>();
                for (int i = 0; i < size; i++) {
                    keys.add(tasks.create(aTask().build(), "probe").getKey());
                }
                for (int round = 0; round < 3; round++) {
                    for (String key : keys) {
                        edit(tasks, key, round);
                    }
                }
                server.committer().checkpoint();
                int fillBefore = PerformanceSuite.chunksFill(server);
                long[] stepsBefore = server.committer().compactionSteps();
                Percentiles latencies = writeFor(tasks, keys, seconds);
                long[] steps = server.committer().compactionSteps();
                System.err.printf("HOUSEKEEPING %-5s %,d writes in %d s by %d threads: write p50 %.2f ms, p99 %.2f ms,"
                                + " p99.9 %.2f ms, max %.2f ms; compaction steps %,d, longest hold of the write lock"
                                + " %.2f ms; chunks %d%% full before, %d%% after; file %,d MB%n",
                        housekeeping, latencies.count(), seconds, WRITERS, latencies.at(0.50), latencies.at(0.99),
                        latencies.at(0.999), latencies.at(1.0), steps[1] - stepsBefore[1], steps[0] / 1e6, fillBefore,
                        PerformanceSuite.chunksFill(server), server.fileSize() >> 20);
            }
        }
    }

    private static Percentiles writeFor(TaskService tasks, List<String> keys, int seconds) throws Exception {
        long stopAt = System.nanoTime() + seconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        try {
            Percentiles all = new Percentiles(1 << 16);
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                writers.add(pool.submit(() -> {
                    for (int round = 0; System.nanoTime() < stopAt; round++) {
                        String key = keys.get(ThreadLocalRandom.current().nextInt(keys.size()));
                        long start = System.nanoTime();
                        edit(tasks, key, round);
                        all.addShared(System.nanoTime() - start);
                    }
                }));
            }
            for (Future<?> writer : writers) {
                writer.get();
            }
            return all;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void edit(TaskService tasks, String key, int round) {
        try {
            tasks.update(key, Map.of("description", "edited " + round + " " + "x".repeat(400)), "probe", null);
        } catch (RuntimeException concurrentEdit) {
            //why: two writers may pick the same task; a refused edit is still a write attempt measured
        }
    }
}

package io.taskvault.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.bson.Document;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;

import io.taskvault.store.EmbeddedMongoServer;
import io.taskvault.store.StoreInfo;
import io.taskvault.task.TaskService;

/**
 * Whether the embedded store's compaction keeps the file small and leaves writers alone (issue 17: "without stalling
 * writers for more than a few milliseconds"), on one fresh store with the default settings:
 * <ol>
 * <li>the benchmark's bulk load ({@link BulkLoader}: raw {@code insertMany} of cloned tasks with their history): the
 * file per 1,000 tasks, how full its chunks are, the compaction steps that ran behind the load;</li>
 * <li>the one task in ten that archival would take (finished 100 to 300 days ago) is deleted with its history and
 * outputs, then writer threads (4 unless given) edit tasks through {@link TaskService} for {@code seconds} while {@code compact()} (what
 * archival runs afterwards) gives the space back: its duration, the bytes it freed, the longest time one compaction
 * step held the write lock, and the writes' latencies while it ran and overall.</li>
 * </ol>
 * CPU-bound on a shared machine: compare runs of the same machine and load only.
 * Usage: src/test/bench/run.sh CompactionStallProbe [tasks] [seconds] [writer threads, default 4; 0 measures the
 * compaction alone]
 */
public final class CompactionStallProbe {

    private static final long DAY = 86_400_000L;

    private CompactionStallProbe() {
    }

    public static void main(String[] args) throws Exception {
        int size = Integer.parseInt(args.length > 0 ? args[0].replace("_", "") : "20000");
        int seconds = Integer.parseInt(args.length > 1 ? args[1] : "30");
        int writerThreads = Integer.parseInt(args.length > 2 ? args[2] : "4");
        Path folder = Files.createTempDirectory(Path.of("target"), "bench-compaction-");
        try (ConfigurableApplicationContext app = PerformanceSuite.start(folder.resolve("taskvault.mv"))) {
            TaskService tasks = app.getBean(TaskService.class);
            MongoDatabase db = app.getBean(MongoTemplate.class).getDb();
            EmbeddedMongoServer server = app.getBean(StoreInfo.class).embeddedServer().orElseThrow();
            BulkLoader loader = new BulkLoader(tasks, db);
            double rate = loader.load(size, "bulk load");
            server.committer().checkpoint();
            long[] steps = server.committer().compactionSteps();
            System.err.printf("BULK LOAD %,d tasks at %.0f tasks/s: file %,d MB, %.1f MB per 1,000 tasks, chunks %d%% full;"
                            + " compaction steps %,d, longest hold of the write lock %.2f ms%n", size, rate,
                    server.fileSize() >> 20, server.fileSize() / 1048576.0 / (size / 1000.0),
                    PerformanceSuite.chunksFill(server), steps[1], steps[0] / 1e6);

            int removed = removeArchivable(db);
            server.committer().checkpoint();
            List<String> keys = db.getCollection("tasks").find().projection(Projections.include("key"))
                    .map(d -> d.getString("key")).into(new ArrayList<>());
            long fileBefore = server.fileSize();
            int fillBefore = PerformanceSuite.chunksFill(server);
            Writers writers = new Writers(tasks, keys, writerThreads);
            writers.start();
            try {
                Thread.sleep(Math.min(5_000, seconds * 250L));
                writers.during.set(true);
                long start = System.nanoTime();
                long freed = server.compact();
                long took = System.nanoTime() - start;
                writers.during.set(false);
                Percentiles all = writers.finishAfter(seconds);
                steps = server.committer().compactionSteps();
                System.err.printf("COMPACT after removing %,d tasks: %.1f s, freed %,d MB (file %,d MB, chunks %d%% full"
                                + " before; %,d MB, %.1f MB per 1,000 live tasks, chunks %d%% full after); compaction"
                                + " steps %,d in all, longest hold of the write lock %.2f ms; longest write while it ran"
                                + " %.2f ms (%,d writes)%n", removed, took / 1e9, freed >> 20, fileBefore >> 20,
                        fillBefore, server.fileSize() >> 20, server.fileSize() / 1048576.0 / (keys.size() / 1000.0),
                        PerformanceSuite.chunksFill(server), steps[1], steps[0] / 1e6, writers.longestDuring.get() / 1e6,
                        writers.countDuring.get());
                if (all.count() > 0) {
                    System.err.printf("WRITES %,d by %d threads in %d s: p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms,"
                                    + " max %.2f ms%n", all.count(), writerThreads, seconds, all.at(0.50), all.at(0.99),
                            all.at(0.999), all.at(1.0));
                }
            } finally {
                writers.stop();
            }
        }
    }

    //why: what archival takes out of the hot collections (a tenth of BulkLoader's clones finished long ago)
    private static int removeArchivable(MongoDatabase db) {
        Date old = new Date(System.currentTimeMillis() - 90 * DAY);
        List<String> ids = db.getCollection("tasks").find(Filters.lt("createdAt", old))
                .projection(Projections.include("_id")).map(d -> d.getString("_id")).into(new ArrayList<>());
        for (int from = 0; from < ids.size(); from += 500) {
            List<String> some = ids.subList(from, Math.min(ids.size(), from + 500));
            db.getCollection("task_history").deleteMany(Filters.in("taskId", some));
            db.getCollection("task_outputs").deleteMany(Filters.in("taskId", some));
            db.getCollection("tasks").deleteMany(Filters.in("_id", some));
        }
        return ids.size();
    }

    /** Threads that edit random tasks until stopped, noting every write's latency and the longest during a phase. */
    private static final class Writers {
        private final TaskService tasks;
        private final List<String> keys;
        private final int threads;
        private final ExecutorService pool;
        private final List<Future<?>> running = new ArrayList<>();
        private final Percentiles all = new Percentiles(1 << 16);
        private final AtomicBoolean stop = new AtomicBoolean();
        final AtomicBoolean during = new AtomicBoolean();
        final AtomicLong longestDuring = new AtomicLong();
        final AtomicLong countDuring = new AtomicLong();
        private long started;

        Writers(TaskService tasks, List<String> keys, int threads) {
            this.tasks = tasks;
            this.keys = keys;
            this.threads = threads;
            this.pool = Executors.newFixedThreadPool(Math.max(1, threads));
        }

        void start() {
            started = System.nanoTime();
            for (int w = 0; w < threads; w++) {
                running.add(pool.submit(() -> {
                    for (int round = 0; !stop.get(); round++) {
                        String key = keys.get(ThreadLocalRandom.current().nextInt(keys.size()));
                        boolean inPhase = during.get();
                        long start = System.nanoTime();
                        edit(key, round);
                        long took = System.nanoTime() - start;
                        all.addShared(took);
                        if (inPhase || during.get()) {
                            longestDuring.accumulateAndGet(took, Math::max);
                            countDuring.incrementAndGet();
                        }
                    }
                }));
            }
        }

        Percentiles finishAfter(int seconds) throws Exception {
            long left = started + seconds * 1_000_000_000L - System.nanoTime();
            if (left > 0) {
                Thread.sleep(left / 1_000_000);
            }
            stop.set(true);
            for (Future<?> writer : running) {
                writer.get();
            }
            return all;
        }

        void stop() {
            stop.set(true);
            pool.shutdownNow();
        }

        private void edit(String key, int round) {
            try {
                tasks.update(key, Map.of("description", "edited " + round + " " + "x".repeat(400)), "probe", null);
            } catch (RuntimeException concurrentEdit) {
                //why: two writers may pick the same task; a refused edit is still a write attempt measured
            }
        }
    }
}

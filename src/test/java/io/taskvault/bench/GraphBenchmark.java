package io.taskvault.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.bson.Document;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

import io.taskvault.TaskvaultApplication;
import io.taskvault.graph.DependencyGraph;
import io.taskvault.graph.EdgeRejectedException;
import io.taskvault.graph.EdgeType;
import io.taskvault.graph.TaskEdge;
import io.taskvault.task.TaskDraft;
import io.taskvault.task.TaskService;

/**
 * Time to add an edge at 10,000 tasks / 50,000 blocks edges (a random DAG), on a fresh embedded store: an
 * ordinary add, a worst-case add whose cycle check walks everything reachable, and a refused cycle.
 * The 50,000 seed edges are inserted straight into {@code task_edges} (without the dependsOn mirror) to keep
 * the set-up short; every measured add goes through {@link DependencyGraph#addEdge}.
 * Run: {@code src/test/bench/run.sh GraphBenchmark [tasks] [edges]}
 */
public final class GraphBenchmark {

    private GraphBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int taskCount = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int edgeCount = args.length > 1 ? Integer.parseInt(args[1]) : 50_000;
        Path folder = Files.createTempDirectory(Path.of("target"), "bench-graph-");
        //why: builder properties are defaults that application.yml overrides (the store would land in ./data);
        // system properties win over it, and program arguments would be taken for a shell command
        System.setProperty("taskvault.store.path", folder.resolve("taskvault.mv").toString());
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(TaskvaultApplication.class)
                .web(WebApplicationType.NONE).logStartupInfo(false)
                .properties("spring.shell.interactive.enabled=false", "logging.level.root=warn")
                .run()) {
            TaskService tasks = app.getBean(TaskService.class);
            DependencyGraph graph = app.getBean(DependencyGraph.class);
            long start = System.nanoTime();
            List<String> ids = create(tasks, taskCount);
            System.out.printf("created %d tasks in %.1f s%n", ids.size(), (System.nanoTime() - start) / 1e9);
            Random random = new Random(42);
            Set<String> seeded = seed(app.getBean(MongoTemplate.class), ids, edgeCount, random);
            start = System.nanoTime();
            int loaded = graph.edgeCount();
            System.out.printf("seeded %d edges; index load %.0f ms%n", loaded, (System.nanoTime() - start) / 1e6);

            Percentiles ordinary = new Percentiles(200);
            for (int added = 0; added < 200; ) {
                int i = random.nextInt(ids.size() - 1);
                int j = i + 1 + random.nextInt(ids.size() - i - 1);
                if (seeded.add(ids.get(i) + ">" + ids.get(j))) {
                    long t = System.nanoTime();
                    graph.addEdge(ids.get(i), EdgeType.BLOCKS, ids.get(j), "bench");
                    ordinary.add(System.nanoTime() - t);
                    added++;
                }
            }
            Percentiles worstAccepted = new Percentiles(20);
            Percentiles refused = new Percentiles(20);
            List<String> downstreamOfFirst = new ArrayList<>(graph.downstreamIds(ids.get(0)));
            for (int n = 0; n < 20; n++) {
                String fresh = tasks.create(TaskDraft.titled("fresh " + n), "bench").getId();
                long t = System.nanoTime();
                graph.addEdge(fresh, EdgeType.BLOCKS, ids.get(0), "bench");   // walks all downstream of the first task
                worstAccepted.add(System.nanoTime() - t);
                String deep = downstreamOfFirst.get(downstreamOfFirst.size() - 1 - n);
                t = System.nanoTime();
                try {
                    graph.addEdge(deep, EdgeType.BLOCKS, ids.get(0), "bench");
                    throw new IllegalStateException("expected a cycle");
                } catch (EdgeRejectedException e) {
                    refused.add(System.nanoTime() - t);
                    if (n == 0) {
                        System.out.println("refused: " + e.getMessage());
                    }
                }
            }
            System.out.printf("reachable from the first task: %d tasks%n", downstreamOfFirst.size());
            Percentiles reads = new Percentiles(200);
            Percentiles walks = new Percentiles(200);
            for (int n = 0; n < 200; n++) {
                long t = System.nanoTime();
                tasks.get(ids.get(random.nextInt(ids.size())));
                reads.add(System.nanoTime() - t);
                t = System.nanoTime();
                graph.downstreamIds(ids.get(n % 10));   // in-memory walk over ~all reachable tasks
                walks.add(System.nanoTime() - t);
            }
            System.out.printf("for scale: TaskService.get by id          p50/p99 ms: %s%n", reads.p50p99());
            System.out.printf("for scale: in-memory walk of ~all tasks   p50/p99 ms: %s%n", walks.p50p99());
            System.out.printf("add edge (ordinary, 200)                   p50/p99 ms: %s%n", ordinary.p50p99());
            System.out.printf("add edge (check walks all reachable, 20)   p50/p99 ms: %s%n", worstAccepted.p50p99());
            System.out.printf("refuse edge closing a cycle (20)           p50/p99 ms: %s%n", refused.p50p99());
        }
    }

    private static List<String> create(TaskService tasks, int count) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<String>> futures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int n = i;
            futures.add(pool.submit(() -> tasks.create(TaskDraft.titled("graph task " + n), "bench").getId()));
        }
        List<String> ids = new ArrayList<>();
        for (Future<String> f : futures) {
            ids.add(f.get());
        }
        pool.shutdown();
        return ids;
    }

    /** {@code count} random blocks edges from a lower to a higher index (a DAG), inserted raw for speed. */
    static Set<String> seed(MongoTemplate mongo, List<String> ids, int count, Random random) {
        Set<String> pairs = new HashSet<>();
        List<Document> batch = new ArrayList<>();
        Date now = Date.from(Instant.now());
        while (pairs.size() < count) {
            int i = random.nextInt(ids.size() - 1);
            int j = i + 1 + random.nextInt(Math.min(200, ids.size() - i - 1));
            if (pairs.add(ids.get(i) + ">" + ids.get(j))) {
                batch.add(new Document("_id", TaskEdge.idOf(ids.get(i), EdgeType.BLOCKS, ids.get(j)))
                        .append("from", ids.get(i)).append("type", "BLOCKS").append("to", ids.get(j))
                        .append("createdAt", now).append("createdBy", "bench").append("schemaVersion", 1));
            }
            if (batch.size() == 5_000 || pairs.size() == count && !batch.isEmpty()) {
                mongo.getCollection(TaskEdge.COLLECTION).insertMany(batch);
                batch.clear();
            }
        }
        return pairs;
    }
}

package io.taskvault.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;

import io.taskvault.task.IllegalTransitionException;
import io.taskvault.task.Task;
import io.taskvault.task.TaskDetail;
import io.taskvault.task.TaskIds;
import io.taskvault.task.TaskNotFoundException;
import io.taskvault.task.TaskQuery;
import io.taskvault.task.TaskService;
import io.taskvault.task.TaskState;

/** The suite's measurements through {@link TaskService} (and the raw driver beside it, for creates). */
final class ServiceProbes {

    static final int CLIENT_THREADS = 8;
    /** Warm-up samples before the measured one: until a sample's rate is within {@link #STEADY} of the one before. */
    static final int WARM_UP_ROUNDS = 6;
    static final double STEADY = 0.10;
    static final TaskQuery FILTERED = TaskQuery.all().withStates(Set.of(TaskState.PENDING, TaskState.RUNNING))
            .withRoles(Set.of("qa")).sortedBy(TaskQuery.SortField.UPDATED, true).withLimit(50, 0);

    private final TaskService tasks;
    private final MongoTemplate mongo;
    private final BulkLoader loader;
    private final SuiteResults results;
    private final int size;

    ServiceProbes(TaskService tasks, MongoTemplate mongo, BulkLoader loader, SuiteResults results, int size) {
        this.tasks = tasks;
        this.mongo = mongo;
        this.loader = loader;
        this.results = results;
        this.size = size;
    }

    /**
     * Creates a sample through the service, then inserts the same documents with the raw driver; removes both. A first
     * sample as large warms the create path (the JIT compiles it meanwhile) and is reported on a row of its own; more
     * follow until two in a row agree, since on a store opened just before (a reuse) the JIT is still compiling the
     * driver's, mapping's and engine's paths after the first sample.
     */
    void createThroughput() throws Exception {
        int sample = Math.min(5_000, Math.max(1_000, size / 10));
        List<String> warmUp = Collections.synchronizedList(new ArrayList<>());
        List<String> rates = new ArrayList<>();
        double cold = createThroughService(sample, "Warm-up part ", warmUp, "warming up: ");
        double previous = cold;
        rates.add(String.format("%,.0f", cold));
        for (int round = 1; round < WARM_UP_ROUNDS; round++) {
            double rate = createThroughService(sample, "Warm-up " + round + " part ", warmUp, "warming up: ");
            rates.add(String.format("%,.0f", rate));
            if (Math.abs(rate - previous) <= STEADY * previous) {
                break;
            }
            previous = rate;
        }
        List<String> ids = Collections.synchronizedList(new ArrayList<>());
        double service = createThroughService(sample, "Created part ", ids, "");
        MongoCollection<Document> taskDocs = mongo.getCollection("tasks");
        MongoCollection<Document> eventDocs = mongo.getCollection("task_history");
        List<Document> created = taskDocs.find(Filters.in("_id", ids)).into(new ArrayList<>());
        List<Document> events = eventDocs.find(Filters.in("_id", ids.stream().map(id -> id + ":1").toList()))
                .into(new ArrayList<>());
        List<String> copies = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        parallel(created.size(), i -> {
            String id = TaskIds.next();
            Document task = new Document(created.get(i));
            task.put("_id", id);
            task.put("key", "RAW-" + i);
            Document event = new Document(events.get(i));
            event.put("_id", id + ":1");
            event.put("taskId", id);
            taskDocs.insertOne(task);
            eventDocs.insertOne(event);
            copies.add(id);
        });
        double raw = created.size() / PerformanceSuite.seconds(start);
        results.put("create via TaskService, first " + sample + " after start (JIT warming up), tasks/s",
                String.format("%,.0f", cold));
        results.put("create warm-up, tasks/s per " + sample + " until two are within "
                + Math.round(STEADY * 100) + "% (at most " + WARM_UP_ROUNDS + ")", String.join(", ", rates));
        results.put("create via TaskService, tasks/s (" + CLIENT_THREADS + " threads)", String.format("%,.0f", service),
                ">= 600");
        results.put("same documents via raw driver, tasks/s", String.format("%,.0f", raw));
        results.put("TaskService / raw driver", String.format("%.0f%%", 100 * service / raw), ">= 50%");
        List<String> all = new ArrayList<>(ids);
        all.addAll(copies);
        all.addAll(warmUp);
        taskDocs.deleteMany(Filters.in("_id", all));
        eventDocs.deleteMany(Filters.in("_id", all.stream().map(id -> id + ":1").toList()));
    }

    /** Creates {@code sample} tasks through the service from the client threads, adding their ids; returns tasks/s. */
    private double createThroughService(int sample, String title, List<String> ids, String phase) throws Exception {
        System.err.printf("%screating %,d tasks through TaskService from %d threads%n", phase, sample, CLIENT_THREADS);
        long start = System.nanoTime();
        parallel(sample, i -> ids.add(tasks.create(BulkLoader.draft(title + i, "qa"), "bench").getId()));
        return sample / PerformanceSuite.seconds(start);
    }

    void reads() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        Percentiles get = new Percentiles(2_000);
        for (int i = 0; i < 2_000; i++) {
            String key = randomKey(random);
            long start = System.nanoTime();
            tasks.get(key);
            get.add(System.nanoTime() - start);
        }
        results.put("get by key", get.p50p99());
        Percentiles detail = new Percentiles(1_000);
        for (int i = 0; i < 1_000; i++) {
            String key = randomKey(random);
            long start = System.nanoTime();
            TaskDetail read = tasks.detail(key);
            int events = read.history().size();
            int outputs = read.outputs().size();
            detail.add(System.nanoTime() - start);
            if (events < 10 || outputs != 2) {
                throw new IllegalStateException(key + " has " + events + " events and " + outputs + " outputs");
            }
        }
        results.put("task detail (task + 10 events + output list)", detail.p50p99(), "p99 <= 10 ms");
        results.put("list, filtered+sorted, page 1", list(FILTERED, 200), "p99 <= 100 ms");
        //why: a broader filter, so that even 10,000 tasks have a 100th page
        TaskQuery broad = TaskQuery.all().withStates(Set.of(TaskState.PENDING, TaskState.RUNNING, TaskState.COMPLETED,
                TaskState.FAILED)).sortedBy(TaskQuery.SortField.CREATED, true);
        results.put("list, 4 states, by creation, page 100 (offset)", list(broad.withLimit(50, 99 * 50), 100));
        results.put("free-text search '" + BulkLoader.RARE_WORD + "'", list(TaskQuery.all().withText(BulkLoader.RARE_WORD)
                .withLimit(50, 0), 50));
        statistics();
    }

    private String list(TaskQuery query, int samples) {
        Percentiles p = new Percentiles(samples);
        long total = -1;
        for (int i = 0; i < samples; i++) {
            long start = System.nanoTime();
            total = tasks.list(query).total();
            p.add(System.nanoTime() - start);
        }
        return p.p50p99() + " (" + String.format("%,d", total) + " hits)";
    }

    private static void joinQuietly(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Statistics read every 20 ms while another thread writes, so the cache is really refreshed during the run. */
    private void statistics() {
        AtomicInteger writes = new AtomicInteger();
        //why: stopped by a flag, not an interrupt: an interrupt lands inside the driver's write, which fails it half done
        java.util.concurrent.atomic.AtomicBoolean writing = new java.util.concurrent.atomic.AtomicBoolean(true);
        Thread writer = new Thread(() -> {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            while (writing.get()) {
                tasks.addNote(randomKey(random), "statistics probe note", "bench");
                writes.incrementAndGet();
                java.util.concurrent.locks.LockSupport.parkNanos(5_000_000);
            }
        });
        writer.start();
        Percentiles p = new Percentiles(250);
        try {
            for (int i = 0; i < 250; i++) {
                long start = System.nanoTime();
                tasks.statistics();
                p.add(System.nanoTime() - start);
                Thread.sleep(20);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            writing.set(false);
            joinQuietly(writer);
        }
        results.put("statistics (read every 20 ms during writes)", p.p50p99(), "p99 <= 50 ms");
    }

    /** 8 threads move the same 4 tasks between PENDING and BLOCKED; refused moves (lost races) are counted. */
    void contention() throws Exception {
        List<String> hot = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            hot.add(tasks.create(BulkLoader.draft("Contended task " + i, "ops"), "bench").getId());
        }
        Percentiles p = new Percentiles(1_600);
        AtomicInteger refused = new AtomicInteger();
        long start = System.nanoTime();
        parallel(1_600, i -> {
            String id = hot.get(i % hot.size());
            long t0 = System.nanoTime();
            try {
                TaskState now = tasks.get(id).getState();
                tasks.transition(id, now == TaskState.PENDING ? TaskState.BLOCKED : TaskState.PENDING, "bench", "contention");
            } catch (IllegalTransitionException e) {
                refused.incrementAndGet();
            }
            p.addShared(System.nanoTime() - t0);
        });
        results.put("transition, 8 threads on 4 tasks", String.format("%s (%.0f/s, %d refused)", p.p50p99(),
                1_600 / PerformanceSuite.seconds(start), refused.get()));
    }

    /** A few writes just before the simulated crash, so start-up has logged writes to replay. */
    void writeBeforeCrash() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < 200; i++) {
            try {
                tasks.addNote(randomKey(random), "written just before the crash", "bench");
            } catch (TaskNotFoundException e) {
                //why: archival may have moved it meanwhile (it can still be running when its time limit passed)
            }
        }
    }

    //why: a store measured again (--reuse) has lost the tasks an earlier run archived; their keys are skipped
    String randomKey(ThreadLocalRandom random) {
        while (true) {
            String key = "TV-" + random.nextLong(loader.firstKey(), loader.firstKey() + size);
            if (tasks.find(key).isPresent()) {
                return key;
            }
        }
    }

    interface Step {
        void run(int index) throws Exception;
    }

    static void parallel(int count, Step step) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENT_THREADS);
        try {
            List<Future<?>> parts = new ArrayList<>();
            AtomicInteger next = new AtomicInteger();
            for (int t = 0; t < CLIENT_THREADS; t++) {
                parts.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        step.run(i);
                    }
                    return null;
                }));
            }
            for (Future<?> part : parts) {
                part.get();
            }
        } finally {
            pool.shutdown();
        }
    }
}

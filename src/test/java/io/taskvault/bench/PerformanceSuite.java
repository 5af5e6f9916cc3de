package io.taskvault.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

import io.taskvault.TaskvaultApplication;
import io.taskvault.store.EmbeddedMongoServer;
import io.taskvault.store.StoreInfo;
import io.taskvault.task.TaskService;

/**
 * The performance suite of issue 9, one size per JVM: a fresh embedded store, {@code size} tasks (10 history events
 * and 2 outputs each, see {@link BulkLoader}), then every measured operation, figures saved under
 * target/bench-results and printed as one table. Run all sizes with
 * {@code src/test/bench/run.sh PerformanceSuite 10000,100000,1000000}; see docs/performance.md.
 */
public final class PerformanceSuite {

    private PerformanceSuite() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--table")) {
            SuiteResults.printAll();
            return;
        }
        int size = Integer.parseInt(args.length > 0 ? args[0].replace("_", "").replace(",", "") : "10000");
        Phase phase = Phase.of(args);
        Path folder = phase.reuse != null ? phase.reuse
                : Files.createTempDirectory(Path.of("target"), "bench-suite-" + size + "-");
        Path data = folder.resolve("taskvault.mv");
        SuiteResults results = phase.reuse != null ? SuiteResults.continueFrom(size, folder.resolve(LOAD_FIGURES))
                : new SuiteResults(size);
        long suiteStart = System.nanoTime();
        System.err.printf("PerformanceSuite: %,d tasks into %s (machine: %d cores, load %s)%n", size, folder,
                Runtime.getRuntime().availableProcessors(), loadAverage());
        ServiceProbes probes;
        try (ConfigurableApplicationContext app = start(data)) {
            TaskService tasks = app.getBean(TaskService.class);
            MongoTemplate mongo = app.getBean(MongoTemplate.class);
            //why: the first run's four templates are tasks too; its clones have keys 1,001 onwards, one per task
            long cloned = Math.max(0, mongo.getCollection("tasks").estimatedDocumentCount() - 4);
            BulkLoader loader = new BulkLoader(tasks, mongo.getDb());
            EmbeddedMongoServer server = app.getBean(StoreInfo.class).embeddedServer().orElseThrow();
            if (phase.reuse != null && phase.loadOnly && cloned < size) {
                //why: a load cut short (a killed process) goes on where it stopped, keys included
                loader.assumeLoaded((int) cloned);
                System.err.printf("continuing the load: %,d of %,d tasks there%n", cloned, size);
                results.put("bulk load (raw insertMany), tasks/s", String.format("%,.0f (the last %,d tasks; the load was"
                        + " resumed)", loader.load((int) (size - cloned), "bulk load"), size - cloned));
                server.committer().checkpoint();
            } else if (phase.reuse == null) {
                results.put("bytes of one task (10 events, 2 outputs)", loader.documentSizes());
                System.err.printf("loading %,d tasks in batches of 500 through the raw driver%n", size);
                results.put("bulk load (raw insertMany), tasks/s", String.format("%,.0f", loader.load(size, "bulk load")));
                server.committer().checkpoint();
            } else {
                loader.assumeLoaded(size);
            }
            if (phase.loadOnly) {
                results.copyTo(folder.resolve(LOAD_FIGURES));
                System.err.printf("loaded; measure with: PerformanceSuite %d --reuse %s%n", size, folder.toAbsolutePath());
                return;
            }
            //why: a list waits for the list index the start began building; measured during that build, the service
            //    shared the two cores with it and the raw driver (measured after) did not (at 1,000,000: 50 s)
            long indexWait = System.nanoTime();
            tasks.list(io.taskvault.task.TaskQuery.all().withLimit(1, 0));
            System.err.printf("list index ready %.1f s after the probes began waiting%n", seconds(indexWait));
            probes = new ServiceProbes(tasks, mongo, loader, results, size);
            probes.createThroughput();
            probes.reads();
            probes.contention();
            new HttpProbes(port(app), probes::randomKey, results).run();
            new MaintenanceProbes(app, server, results, size).run();
            probes.writeBeforeCrash();
            Restarts.crash(app);
        }
        Restarts.measure(data, results, size);
        results.put("peak heap MB / peak RSS (VmHWM) MB", String.format("%,d / %,d", peakHeapMb(), vmHwmMb()), "RSS <= 2 GB");
        results.put("suite wall time for this size, s", String.format("%.0f", seconds(suiteStart)));
        SuiteResults.printAll();
    }

    private static final String LOAD_FIGURES = "load-figures.tsv";

    /**
     * {@code --load-only}: load and stop cleanly, keeping the store; {@code --reuse DIR}: measure a store loaded so,
     * in another checkout if need be (a million tasks take an hour to load; the measuring code may have moved on).
     */
    private record Phase(boolean loadOnly, Path reuse) {
        static Phase of(String[] args) {
            List<String> list = List.of(args);
            int reuse = list.indexOf("--reuse");
            return new Phase(list.contains("--load-only"), reuse >= 0 ? Path.of(list.get(reuse + 1)) : null);
        }
    }

    static ConfigurableApplicationContext start(Path data, String... arguments) {
        String[] withPort = java.util.stream.Stream.concat(java.util.stream.Stream.of("--server.port=0"),
                java.util.stream.Stream.of(arguments)).toArray(String[]::new);
        return new SpringApplicationBuilder(TaskvaultApplication.class).logStartupInfo(false)
                .properties("spring.shell.interactive.enabled=false", "logging.level.root=warn",
                        "taskvault.store.path=" + data,
                        //why: RUNNING clones started days ago; a 10-minute lease would interrupt them all mid-run
                        "taskvault.recovery.lease=36500d",
                        "logging.level.io.taskvault.task.CrashRepair=info", "logging.level.io.taskvault.archive.ArchivalJob=info")
                //why: as an argument: a builder property loses to application.yml's port 8080, so two suites clashed
                .run(withPort);
    }

    static int port(ConfigurableApplicationContext app) {
        return Integer.parseInt(app.getEnvironment().getProperty("local.server.port", "8080"));
    }

    static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return "?";
        }
    }

    /** How full the data file's chunks are (the rest is space of old page versions not yet reused). */
    static int chunksFill(EmbeddedMongoServer server) {
        try {
            java.lang.reflect.Field field = EmbeddedMongoServer.class.getDeclaredField("store");
            field.setAccessible(true);
            return ((org.h2.mvstore.MVStore) field.get(server)).getFileStore().getChunksFillRate();
        } catch (ReflectiveOperationException e) {
            return -1;
        }
    }

    private static long peakHeapMb() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak >> 20;
    }

    static long vmHwmMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) >> 10;
                }
            }
        } catch (java.io.IOException e) {
            return -1;
        }
        return -1;
    }
}

package io.taskvault.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

import io.taskvault.TaskvaultApplication;
import io.taskvault.archive.ArchivalJob;
import io.taskvault.archive.ArchivalReport;
import io.taskvault.exchange.TaskvaultExport;
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
        Path folder = Files.createTempDirectory(Path.of("target"), "bench-suite-" + size + "-");
        Path data = folder.resolve("taskvault.mv");
        SuiteResults results = new SuiteResults(size);
        long suiteStart = System.nanoTime();
        System.err.printf("PerformanceSuite: %,d tasks into %s (machine: %d cores, load %s)%n", size, folder,
                Runtime.getRuntime().availableProcessors(), loadAverage());
        ServiceProbes probes;
        try (ConfigurableApplicationContext app = start(data)) {
            TaskService tasks = app.getBean(TaskService.class);
            MongoTemplate mongo = app.getBean(MongoTemplate.class);
            BulkLoader loader = new BulkLoader(tasks, mongo.getDb());
            results.put("bytes of one task (10 events, 2 outputs)", loader.documentSizes());
            System.err.printf("loading %,d tasks in batches of 500 through the raw driver%n", size);
            results.put("bulk load (raw insertMany), tasks/s", String.format("%,.0f", loader.load(size, "bulk load")));
            EmbeddedMongoServer server = app.getBean(StoreInfo.class).embeddedServer().orElseThrow();
            server.committer().checkpoint();
            probes = new ServiceProbes(tasks, mongo, loader, results, size);
            probes.createThroughput();
            probes.reads();
            probes.contention();
            new HttpProbes(port(app), loader, results).run();
            server.committer().checkpoint();
            results.put("disk bytes per 1,000 tasks (live file)", String.format("%,d", server.fileSize() * 1000 / size),
                    "< 1 MB archived");
            long start = System.nanoTime();
            long[] exported = {0};
            long documents = app.getBean(TaskvaultExport.class).export(new java.io.OutputStream() {
                @Override
                public void write(int b) {
                    exported[0]++;
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    exported[0] += len;
                }
            });
            results.put("export all tasks: s (documents, MB)", String.format("%.1f (%,d, %,d)", seconds(start), documents,
                    exported[0] >> 20));
            start = System.nanoTime();
            ArchivalReport report = app.getBean(ArchivalJob.class).run(false);
            results.put("archival of 10%: s (tasks archived)", String.format("%.1f (%,d)", seconds(start),
                    report.archived().size()));
            long before = server.fileSize();
            server.committer().checkpoint();
            long archiveBytes = mongo.getDb().runCommand(new org.bson.Document("collStats", "task_archive"))
                    .get("size", Number.class).longValue();
            results.put("archive BSON bytes per 1,000 archived tasks", String.format("%,d",
                    archiveBytes * 1000 / Math.max(1, report.archived().size())), "<= 1 MB");
            results.put("disk bytes per 1,000 tasks after archival", String.format("%,d (file %,d MB)",
                    server.fileSize() * 1000 / size, Math.max(before, server.fileSize()) >> 20));
            probes.writeBeforeCrash();
            Restarts.crash(app);
        }
        Restarts.measure(data, results, size);
        results.put("peak heap MB / peak RSS (VmHWM) MB", String.format("%,d / %,d", peakHeapMb(), vmHwmMb()), "RSS <= 2 GB");
        results.put("suite wall time for this size, s", String.format("%.0f", seconds(suiteStart)));
        SuiteResults.printAll();
    }

    static ConfigurableApplicationContext start(Path data) {
        return new SpringApplicationBuilder(TaskvaultApplication.class).logStartupInfo(false)
                .properties("spring.shell.interactive.enabled=false", "logging.level.root=warn", "server.port=0",
                        "taskvault.store.path=" + data,
                        //why: RUNNING clones started days ago; a 10-minute lease would interrupt them all mid-run
                        "taskvault.recovery.lease=36500d",
                        "logging.level.io.taskvault.task.CrashRepair=info")
                .run();
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

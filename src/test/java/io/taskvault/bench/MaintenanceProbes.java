package io.taskvault.bench;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.bson.Document;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

import io.taskvault.archive.ArchivalJob;
import io.taskvault.archive.ArchivalReport;
import io.taskvault.exchange.TaskvaultExport;
import io.taskvault.store.EmbeddedMongoServer;

/**
 * Export, archival and the disk figures around them. Each job gets a time limit so one size's run stays bounded:
 * past it the figure says how far the job got, and the job is left to the simulated crash that follows.
 */
final class MaintenanceProbes {

    static final long LIMIT_SECONDS = Long.getLong("bench.jobLimitSeconds", 180);
    //why: the export of 1,000,000 tasks writes about 13 million documents
    static final long EXPORT_LIMIT_SECONDS = Long.getLong("bench.exportLimitSeconds", 900);

    private final ConfigurableApplicationContext app;
    private final EmbeddedMongoServer server;
    private final SuiteResults results;
    private final int size;
    private final ExecutorService jobs = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "bench-job");
        thread.setDaemon(true);
        return thread;
    });

    MaintenanceProbes(ConfigurableApplicationContext app, EmbeddedMongoServer server, SuiteResults results, int size) {
        this.app = app;
        this.server = server;
        this.results = results;
        this.size = size;
    }

    void run() {
        server.committer().checkpoint();
        results.put("disk bytes per 1,000 tasks (live file)", String.format("%,d (chunks %d%% full)",
                server.fileSize() * 1000 / size, PerformanceSuite.chunksFill(server)), "(beside archived)");
        results.put("export all tasks: s (documents, MB)", export());
        MongoTemplate mongo = app.getBean(MongoTemplate.class);
        long archivedStart = System.nanoTime();
        long archivedBefore = archived(mongo);
        String archival = bounded(() -> app.getBean(ArchivalJob.class).run(false),
                (ArchivalReport report) -> report.skipped() ? "FAILED: " + report.summary()
                        : String.format("%.1f (%,d tasks)", PerformanceSuite.seconds(archivedStart), report.archived().size()),
                () -> archivedSince(mongo, archivedBefore), LIMIT_SECONDS, false);
        results.put("archival of the 10% finished > 90 days: s", archival);
        long archived = Math.max(1, archived(mongo));
        long before = server.fileSize();
        server.committer().checkpoint();
        long archiveBytes = mongo.getDb().runCommand(new Document("collStats", "task_archive"))
                .get("size", Number.class).longValue();
        long[] sums = new long[2];
        mongo.getCollection("task_archive").find().projection(new Document("bundleBytes", 1).append("rawBytes", 1))
                .forEach(d -> {
                    sums[0] += ((Number) d.get("bundleBytes")).longValue();
                    sums[1] += ((Number) d.get("rawBytes")).longValue();
                });
        results.put("archive BSON bytes per 1,000 archived tasks", String.format("%,d (per task: bundle %,d B deflated"
                        + " from %,d B of documents, searchable fields %,d B)", archiveBytes * 1000 / archived,
                sums[0] / archived, sums[1] / archived, (archiveBytes - sums[0]) / archived), "<= 1 MB");
        results.put("disk bytes per 1,000 tasks after archival", String.format("%,d (file %,d MB, chunks %d%% full)",
                server.fileSize() * 1000 / size, Math.max(before, server.fileSize()) >> 20,
                PerformanceSuite.chunksFill(server)));
    }

    private String export() {
        CountingSink sink = new CountingSink();
        long start = System.nanoTime();
        String export = bounded(() -> app.getBean(TaskvaultExport.class).export(sink),
                documents -> String.format("%.1f (%,d docs, %,d MB)", PerformanceSuite.seconds(start), documents,
                        sink.bytes() >> 20), () -> String.format("%,d MB written", sink.bytes() >> 20), EXPORT_LIMIT_SECONDS, true);
        return export;
    }

    //why: on a store measured again (--reuse) the archive already holds what earlier runs moved
    private static String archivedSince(MongoTemplate mongo, long before) {
        long now = archived(mongo);
        return before == 0 ? String.format("%,d tasks archived", now)
                : String.format("%,d tasks archived (the archive holds %,d)", now - before, now);
    }

    private static long archived(MongoTemplate mongo) {
        return mongo.getCollection("task_archive").estimatedDocumentCount();
    }

    private <T> String bounded(Callable<T> job, java.util.function.Function<T, String> done,
                               java.util.function.Supplier<String> progress, long limitSeconds, boolean interruptible) {
        Future<T> running = jobs.submit(job);
        try {
            return done.apply(running.get(limitSeconds, TimeUnit.SECONDS));
        } catch (TimeoutException e) {
            String reached = "not done in " + limitSeconds + " s: " + progress.get();
            //why: left running, the export would take CPU from every measurement after it. Archival is not
            //    interrupted: its compaction does file I/O in the job's own thread, and an interrupt closes the file
            running.cancel(interruptible);
            return reached;
        } catch (ExecutionException e) {
            return "FAILED: " + e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}

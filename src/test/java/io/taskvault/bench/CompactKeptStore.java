package io.taskvault.bench;

import java.nio.file.Path;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

import io.taskvault.store.EmbeddedMongoServer;
import io.taskvault.store.StoreInfo;

/**
 * What the full compaction (the one archival runs afterwards) makes of a store the suite kept: the file and its fill
 * before and after each round of {@code compact()}, how long each round took and the longest time one of its steps
 * held the writers. Rounds go on while one changes the file's length by at least 1 % (the first rounds on a large
 * sparse file may grow it) or fills its chunks further, at most {@code rounds} of them.
 * Usage: src/test/bench/run.sh CompactKeptStore DIR [rounds]
 */
public final class CompactKeptStore {

    private CompactKeptStore() {
    }

    public static void main(String[] args) {
        Path data = Path.of(args[0]).resolve("taskvault.mv");
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        try (ConfigurableApplicationContext app = PerformanceSuite.start(data)) {
            EmbeddedMongoServer server = app.getBean(StoreInfo.class).embeddedServer().orElseThrow();
            long tasks = app.getBean(MongoTemplate.class).getCollection("tasks").estimatedDocumentCount();
            server.committer().checkpoint();
            report("before", server, tasks, 0, 0);
            for (int round = 1; round <= rounds; round++) {
                long before = server.fileSize();
                int fillBefore = PerformanceSuite.chunksFill(server);
                long start = System.nanoTime();
                server.compact();
                long took = System.nanoTime() - start;
                report("round " + round, server, tasks, took, server.committer().compactionSteps()[0]);
                //why: on a large sparse file the first rounds write the live pages anew at the end before they free
                //    anything, so a round that grew the file, or filled its chunks, is progress too
                if (Math.abs(before - server.fileSize()) < before / 100 && PerformanceSuite.chunksFill(server) <= fillBefore) {
                    break;
                }
            }
        }
    }

    private static void report(String when, EmbeddedMongoServer server, long tasks, long tookNanos, long longestHold) {
        System.err.printf("%s: file %,d MB, %.1f MB per 1,000 tasks (%,d tasks), chunks %d%% full; took %.1f s,"
                        + " longest hold of the writers so far %.1f ms%n", when, server.fileSize() >> 20,
                server.fileSize() / 1048576.0 / (tasks / 1000.0), tasks, PerformanceSuite.chunksFill(server),
                tookNanos / 1e9, longestHold / 1e6);
    }
}

package io.taskvault.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

/** The data file is compacted in short steps with writers let in between, and nothing is lost on the way. */
class CompactionStepsTest {

    //why: a step rewrites at most 256 KB of pages, or moves at most 2 MB of chunks, and commits it: milliseconds; the
    //    bound leaves room for a machine shared by many builds and is far below one pass over a file
    private static final Duration LONGEST_STEP = Duration.ofSeconds(2);

    @TempDir
    Path folder;

    @Test
    void compactionAfterRemovalsLetsAWriterInBetweenItsStepsAndKeepsEveryDocument() throws Exception {
        Path data = folder.resolve("steps.mv");
        Map<String, String> expected = new HashMap<>();
        java.util.Set<Long> stepsSeenByWrites = java.util.concurrent.ConcurrentHashMap.newKeySet();
        EmbeddedMongoServer[] running = new EmbeddedMongoServer[1];
        try (EmbeddedMongoServer server = new EmbeddedMongoServer(EmbeddedStoreCrashTest.properties(data),
                (collection, ids) -> {
                    if (running[0] != null) {
                        stepsSeenByWrites.add(running[0].committer().compactionSteps()[1]);
                    }
                });
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> docs = client.getDatabase("crash").getCollection("docs");
            fillWithDeadPages(server, docs, expected);
            server.retainFreedChunks(Duration.ZERO);
            running[0] = server;

            AtomicBoolean compacting = new AtomicBoolean(true);
            Thread writer = new Thread(() -> {
                for (int i = 0; compacting.get(); i++) {
                    String id = "during-" + i;
                    docs.insertOne(new Document("_id", id).append("payload", id));
                    synchronized (expected) {
                        expected.put(id, id);
                    }
                }
            });
            writer.start();
            long[] before = server.committer().compactionSteps();
            long freed;
            try {
                freed = server.compact();
            } finally {
                compacting.set(false);
                writer.join();
            }
            long[] after = server.committer().compactionSteps();

            assertThat(after[1] - before[1]).as("compaction steps").isGreaterThan(1);
            assertThat(Duration.ofNanos(after[0])).as("the longest step's hold of the write lock")
                    .isLessThan(LONGEST_STEP);
            assertThat(stepsSeenByWrites).as("steps done when a write ended: some after the first, before the last")
                    .anyMatch(steps -> steps > before[1] && steps < after[1]);
            assertThat(freed).as("bytes given back to the disk").isPositive();
            assertThat(contents(docs)).isEqualTo(expected);
        }
        try (EmbeddedMongoServer reopened = new EmbeddedMongoServer(EmbeddedStoreCrashTest.properties(data), (c, ids) -> { });
             MongoClient client = MongoClients.create(reopened.connectionString())) {
            assertThat(reopened.openedAfterCleanShutdown()).isTrue();
            assertThat(contents(client.getDatabase("crash").getCollection("docs"))).isEqualTo(expected);
        }
    }

    @Test
    void compactionBehindTheWritesRewritesSparseChunksAndKeepsEveryDocument() {
        Path data = folder.resolve("behind.mv");
        Map<String, String> expected = new HashMap<>();
        try (EmbeddedMongoServer server = new EmbeddedMongoServer(EmbeddedStoreCrashTest.properties(data), (c, ids) -> { });
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> docs = client.getDatabase("crash").getCollection("docs");
            fillWithDeadPages(server, docs, expected);
            server.retainFreedChunks(Duration.ZERO);
            long[] before = server.committer().compactionSteps();

            server.committer().compactBehindWrites(true);

            long[] after = server.committer().compactionSteps();
            assertThat(after[1] - before[1]).as("compaction steps").isGreaterThan(1);
            assertThat(Duration.ofNanos(after[0])).isLessThan(LONGEST_STEP);
            assertThat(contents(docs)).isEqualTo(expected);
        }
        try (EmbeddedMongoServer reopened = new EmbeddedMongoServer(EmbeddedStoreCrashTest.properties(data), (c, ids) -> { });
             MongoClient client = MongoClients.create(reopened.connectionString())) {
            assertThat(contents(client.getDatabase("crash").getCollection("docs"))).isEqualTo(expected);
        }
    }

    //why: random payloads, so compression leaves the pages their size; every document rewritten twice and most removed,
    //    so the file's chunks hold far more dead pages than live ones
    private static void fillWithDeadPages(EmbeddedMongoServer server, MongoCollection<Document> docs,
                                          Map<String, String> expected) {
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 1_500; i++) {
                String id = "doc-" + i;
                String payload = randomText(2_000);
                docs.updateOne(Filters.eq("_id", id), Updates.set("payload", payload),
                        new com.mongodb.client.model.UpdateOptions().upsert(true));
                expected.put(id, payload);
            }
            server.committer().checkpoint();
        }
        for (int i = 0; i < 1_500; i += 1) {
            if (i % 10 != 0) {
                docs.deleteOne(Filters.eq("_id", "doc-" + i));
                expected.remove("doc-" + i);
            }
        }
        server.committer().checkpoint();
    }

    private static Map<String, String> contents(MongoCollection<Document> docs) {
        Map<String, String> found = new HashMap<>();
        docs.find().forEach(d -> found.put(d.getString("_id"), d.getString("payload")));
        return found;
    }

    private static String randomText(int length) {
        StringBuilder text = new StringBuilder(length);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < length; i++) {
            text.append((char) ('a' + random.nextInt(26)));
        }
        return text.toString();
    }
}

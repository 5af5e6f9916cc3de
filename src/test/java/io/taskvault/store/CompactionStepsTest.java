package io.taskvault.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.awaitility.Awaitility;
import org.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;

import io.taskvault.support.BesideTheSequence;

/** The data file is compacted in short steps with writers let in between, and nothing is lost on the way. */
@BesideTheSequence
class CompactionStepsTest {

    //why: a step behind the writes rewrites at most 256 KB of pages and commits it: milliseconds on an idle machine.
    //    The bound only catches a step grown into a pass over the file (a minute at 100,000 tasks); on a machine
    //    shared by many builds a step measured 4 s of wall-clock time while its thread waited for a core
    private static final Duration LONGEST_STEP = Duration.ofSeconds(10);

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
    void compactionRightAfterRemovalsGivesTheirSpaceBackWithNoCheckpointBetween() {
        Map<String, String> expected = new HashMap<>();
        try (EmbeddedMongoServer server = quietServer(folder.resolve("at-once.mv"));
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> docs = client.getDatabase("crash").getCollection("docs");
            fillWithDeadPages(server, docs, expected);
            long before = server.fileSize();

            long freed = server.compact();

            assertThat(freed).as("bytes given back to the disk").isPositive();
            assertThat(server.fileSize()).isLessThan(before);
            assertThat(contents(docs)).isEqualTo(expected);
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
            int fillBefore = server.chunksFillRate();

            server.committer().compactBehindWrites(true);
            //why: a chunk emptied by the rewrite leaves the file a few commits later (MVStore keeps 5 versions)
            for (int i = 0; i < 6; i++) {
                docs.insertOne(new Document("_id", "later-" + i).append("payload", "p" + i));
                expected.put("later-" + i, "p" + i);
                server.committer().checkpoint();
            }

            long[] after = server.committer().compactionSteps();
            assertThat(after[1] - before[1]).as("compaction steps").isGreaterThan(1);
            assertThat(server.chunksFillRate()).as("share of live data in the file's chunks").isGreaterThan(fillBefore);
            assertThat(Duration.ofNanos(after[0])).isLessThan(LONGEST_STEP);
            assertThat(contents(docs)).isEqualTo(expected);
        }
        try (EmbeddedMongoServer reopened = new EmbeddedMongoServer(EmbeddedStoreCrashTest.properties(data), (c, ids) -> { });
             MongoClient client = MongoClients.create(reopened.connectionString())) {
            assertThat(contents(client.getDatabase("crash").getCollection("docs"))).isEqualTo(expected);
        }
    }

    @Test
    void aChangeWaitingForACompactionStepGoesBeforeTheNextStep() throws Exception {
        try (EmbeddedMongoServer server = new EmbeddedMongoServer(
                EmbeddedStoreCrashTest.properties(folder.resolve("turns.mv")), (c, ids) -> { })) {
            GroupCommitter committer = server.committer();
            List<String> order = java.util.Collections.synchronizedList(new ArrayList<>());
            CountDownLatch inFirstStep = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            Thread compactor = new Thread(() -> {
                committer.holdingWriters(() -> {
                    inFirstStep.countDown();
                    awaitQuietly(release);
                    order.add("first step");
                });
                committer.holdingWriters(() -> order.add("next step"));
            });
            compactor.start();
            inFirstStep.await();
            Thread change = new Thread(() -> committer.asOneChange(() -> order.add("change")));
            change.start();
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> change.getState() == Thread.State.WAITING);

            release.countDown();
            compactor.join(10_000);
            change.join(10_000);

            assertThat(order).containsExactly("first step", "change", "next step");
        }
    }

    @Test
    void aWriterGoesOnWhileAStepsCommitIsWrittenAndItsWriteIsReplayedAfterAKill() throws Exception {
        Path data = folder.resolve("background.mv");
        StoreProperties properties = EmbeddedStoreCrashTest.properties(data);
        MVStore store = EmbeddedMongoServer.open(properties);
        GroupCommitter committer = new GroupCommitter(store, data, false, Duration.ofHours(1), Duration.ofHours(1));
        MVMap<Integer, String> pages = store.openMap("pages");
        MVMap<String, String> written = store.openMap("written");
        CountDownLatch copied = new CountDownLatch(1);
        AtomicLong writeDone = new AtomicLong();
        Thread writer = new Thread(() -> {
            awaitQuietly(copied);
            committer.write("db", "insert", new de.bwaldvogel.mongo.bson.Document("_id", "w"),
                    () -> written.put("w", "during the step's commit"));
            writeDone.set(System.nanoTime());
        });
        long stepDone;
        try {
            writer.start();
            //why: 40 MB of pages that do not compress: their commit is written for far longer than one small write takes
            committer.holdingWriters(() -> {
                for (int i = 0; i < 20_000; i++) {
                    pages.put(i, randomText(2_000));
                }
                copied.countDown();
                Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> LockSupport.getBlocker(writer) != null
                        && LockSupport.getBlocker(writer).getClass().getName().contains("ReentrantLock"));
            });
            stepDone = System.nanoTime();
            writer.join(10_000);
        } finally {
            copied.countDown();
            committer.abandon();
            store.closeImmediately();
        }

        assertThat(writeDone.get()).as("the write ended before the step's commit was written").isPositive()
                .isLessThan(stepDone);
        MVStore reopened = EmbeddedMongoServer.open(properties);
        try {
            assertThat(reopened.<String, String>openMap("written")).as("the write, in no commit").doesNotContainKey("w");
            assertThat(reopened.<Integer, String>openMap("pages")).as("the step's pages").hasSize(20_000);
            GroupCommitter again = new GroupCommitter(reopened, data, false, Duration.ofHours(1), Duration.ofHours(1));
            List<String> replayed = new ArrayList<>();
            again.replay(entry -> replayed.add(entry.command() + " " + entry.query().get("_id")));
            assertThat(replayed).as("writes the log replays after the kill").containsExactly("insert w");
            again.close();
        } finally {
            reopened.close();
        }
    }

    @Test
    void compactionWaitsForFreeDiskTwiceTheLiveDataAndLeavesTheFileAsItIs() {
        Map<String, String> expected = new HashMap<>();
        try (EmbeddedMongoServer server = quietServer(folder.resolve("full-disk.mv"));
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> docs = client.getDatabase("crash").getCollection("docs");
            fillWithDeadPages(server, docs, expected);
            long before = server.fileSize();
            long live = before / 100 * server.chunksFillRate();

            server.freeDiskFrom(() -> 2 * live - 1);
            long freedOnAFullDisk = server.compact();
            long sizeOnAFullDisk = server.fileSize();
            server.freeDiskFrom(() -> 2 * live + (1 << 20));
            long freed = server.compact();

            assertThat(freedOnAFullDisk).as("nothing compacted with less free disk than twice the live data").isZero();
            assertThat(sizeOnAFullDisk).isEqualTo(before);
            assertThat(freed).as("compacted once the disk has room").isPositive();
            assertThat(contents(docs)).isEqualTo(expected);
        }
    }

    //why: no checkpoint of its own and no other writer, so only the compaction's own commits come after the removals
    private static EmbeddedMongoServer quietServer(Path data) {
        return new EmbeddedMongoServer(new StoreProperties(data, "127.0.0.1", 0, 32, false, "crash", Duration.ofHours(1),
                Duration.ofHours(1), false, StoreProperties.Compression.FAST), (c, ids) -> { });
    }

    //why: random payloads, so compression leaves the pages their size; every document written three times and most
    //    removed, so the file's chunks hold far more dead pages than live ones
    private static void fillWithDeadPages(EmbeddedMongoServer server, MongoCollection<Document> docs,
                                          Map<String, String> expected) {
        for (int round = 0; round < 3; round++) {
            List<ReplaceOneModel<Document>> writes = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                String id = "doc-" + i;
                String payload = randomText(2_000);
                writes.add(new ReplaceOneModel<>(Filters.eq("_id", id), new Document("_id", id).append("payload", payload),
                        new ReplaceOptions().upsert(true)));
                expected.put(id, payload);
            }
            docs.bulkWrite(writes);
            server.committer().checkpoint();
        }
        List<String> removed = expected.keySet().stream().filter(id -> !id.endsWith("0")).toList();
        docs.deleteMany(Filters.in("_id", removed));
        removed.forEach(expected::remove);
        server.committer().checkpoint();
    }

    private static Map<String, String> contents(MongoCollection<Document> docs) {
        Map<String, String> found = new HashMap<>();
        docs.find().forEach(d -> found.put(d.getString("_id"), d.getString("payload")));
        return found;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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

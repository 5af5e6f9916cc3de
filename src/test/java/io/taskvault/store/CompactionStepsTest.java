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
    void compactionAfterRemovalsRunsBesideAWriterAndKeepsEveryDocumentAndEveryChange() throws Exception {
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
            //why: new documents, and the kept ones rewritten in the leaves the steps copy beside the writer
            Thread writer = new Thread(() -> {
                for (int i = 0; compacting.get(); i++) {
                    String id = i % 2 == 0 ? "during-" + i : "doc-" + (i * 10 % 400);
                    String payload = "written during the compaction " + i;
                    docs.replaceOne(Filters.eq("_id", id), new Document("_id", id).append("payload", payload),
                            new ReplaceOptions().upsert(true));
                    synchronized (expected) {
                        expected.put(id, payload);
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
    void aChangeGoesOnWhileAStepCopies() throws Exception {
        try (EmbeddedMongoServer server = new EmbeddedMongoServer(
                EmbeddedStoreCrashTest.properties(folder.resolve("turns.mv")), (c, ids) -> { })) {
            GroupCommitter committer = server.committer();
            List<String> order = java.util.Collections.synchronizedList(new ArrayList<>());
            Thread during = new Thread(() -> committer.asOneChange(() -> order.add("change while the step copies")));
            Thread compactor = new Thread(() -> {
                committer.compactionStep(() -> {
                    during.start();
                    joinQuietly(during);
                    order.add("first step");
                });
                committer.compactionStep(() -> order.add("next step"));
            });

            compactor.start();
            compactor.join(20_000);

            assertThat(order).containsExactly("change while the step copies", "first step", "next step");
        }
    }

    @Test
    void aMapDroppedByAWriteWhileAStepCopiesIsPassedOver() {
        Path data = folder.resolve("drop.mv");
        MVStore store = EmbeddedMongoServer.open(EmbeddedStoreCrashTest.properties(data));
        GroupCommitter committer = new GroupCommitter(store, data, false, Duration.ofHours(1), Duration.ofHours(1));
        try {
            MVMap<Integer, String> dropped = store.openMap("dropped");
            MVMap<Integer, String> kept = store.openMap("kept");
            for (int i = 0; i < 2_000; i++) {
                int key = i;
                committer.write("db", "insert", new de.bwaldvogel.mongo.bson.Document("_id", key), () -> {
                    dropped.put(key, "x".repeat(200));
                    return kept.put(key, "y".repeat(200));
                });
            }
            committer.checkpoint();
            KeyOrderSweep.Run run = new KeyOrderSweep(store).next(chunk -> true, 4 * Compaction.FULL_STEP_BYTES);
            assertThat(run.maps().stream().map(MVMap::getName)).as("the run copies leaves of both maps")
                    .contains("dropped", "kept");

            long held = committer.compactionStep(() -> {
                Thread drop = new Thread(() -> committer.write("db", "drop",
                        new de.bwaldvogel.mongo.bson.Document("drop", "dropped"), () -> {
                            store.removeMap(dropped);
                            return null;
                        }));
                drop.start();
                joinQuietly(drop);
                run.rewrite();
            });

            assertThat(held).as("the step ran to its snapshot").isNotNegative();
            assertThat(store.hasMap("dropped")).isFalse();
            assertThat(kept).hasSize(2_000);
        } finally {
            committer.close();
            store.close();
        }
    }

    @Test
    void aWriterGoesOnWhileAStepCopiesAndWhileItsCommitIsWrittenAndTheLaterWriteIsReplayedAfterAKill()
            throws Exception {
        Path data = folder.resolve("background.mv");
        StoreProperties properties = EmbeddedStoreCrashTest.properties(data);
        MVStore store = EmbeddedMongoServer.open(properties);
        GroupCommitter committer = new GroupCommitter(store, data, false, Duration.ofHours(1), Duration.ofHours(1));
        CountDownLatch writtenAfterSnapshot = new CountDownLatch(1);
        MVMap<Integer, Object> pages = store.openMap("pages",
                new MVMap.Builder<Integer, Object>().valueType(new WrittenOnceReleased(writtenAfterSnapshot)));
        MVMap<String, String> written = store.openMap("written");
        AtomicLong writeAfterSnapshotDone = new AtomicLong();
        AtomicBoolean writtenWhileCopying = new AtomicBoolean();
        long stepDone;
        try {
            committer.compactionStep(() -> {
                for (int i = 0; i < 1_000; i++) {
                    pages.put(i, randomText(200));
                }
                Thread during = new Thread(() -> committer.write("db", "insert",
                        new de.bwaldvogel.mongo.bson.Document("_id", "during"), () -> written.put("during", "copying")));
                during.start();
                joinQuietly(during);
                writtenWhileCopying.set(written.containsKey("during"));
                long workedUpTo = store.getCurrentVersion();
                Thread after = new Thread(() -> {
                    Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(1))
                            .until(() -> store.getCurrentVersion() > workedUpTo);
                    committer.write("db", "insert", new de.bwaldvogel.mongo.bson.Document("_id", "after"),
                            () -> written.put("after", "while the commit is written"));
                    writeAfterSnapshotDone.set(System.nanoTime());
                    writtenAfterSnapshot.countDown();
                });
                after.setDaemon(true);
                after.start();
            });
            stepDone = System.nanoTime();
        } finally {
            writtenAfterSnapshot.countDown();
            committer.abandon();
            store.closeImmediately();
        }

        assertThat(writtenWhileCopying).as("the write while the step copied ended before the copying did").isTrue();
        assertThat(writeAfterSnapshotDone.get()).as("the later write ended before the step's commit was written")
                .isPositive().isLessThan(stepDone);
        MVStore reopened = EmbeddedMongoServer.open(properties);
        try {
            assertThat(reopened.<String, String>openMap("written")).as("only the write the snapshot holds")
                    .containsOnlyKeys("during");
            assertThat(reopened.<Integer, String>openMap("pages")).as("the step's pages").hasSize(1_000);
            GroupCommitter again = new GroupCommitter(reopened, data, false, Duration.ofHours(1), Duration.ofHours(1));
            List<String> replayed = new ArrayList<>();
            again.replay(entry -> replayed.add(entry.command() + " " + entry.query().get("_id")));
            assertThat(replayed).as("writes the log replays after the kill").containsExactly("insert after");
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

    private static void joinQuietly(Thread thread) {
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Writes values as the default type does, but the first write (by MVStore's serialization thread) waits until
     * {@code released} counts down, at most 10 s: a commit that cannot be written before a later write ends.
     */
    private static final class WrittenOnceReleased extends org.h2.mvstore.type.ObjectDataType {

        private final CountDownLatch released;

        WrittenOnceReleased(CountDownLatch released) {
            this.released = released;
        }

        @Override
        public void write(org.h2.mvstore.WriteBuffer buff, Object obj) {
            try {
                released.await(10, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            super.write(buff, obj);
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

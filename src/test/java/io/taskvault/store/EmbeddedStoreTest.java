package io.taskvault.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.diagnostics.FailureAnalysis;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

import io.taskvault.support.BesideTheSequence;

/** The embedded store: survives what the engine as shipped does not, and explains a locked data file. */
@BesideTheSequence
class EmbeddedStoreTest {

    @TempDir
    Path folder;

    @Test
    void repairsADocumentThatLostItsIdIndexEntry() {
        Path data = folder.resolve("torn.mv");
        writeWithTheEnginesOwnCommits(data);
        tearIdIndexEntry(data, "doc-2");

        try (EmbeddedMongoServer server = new EmbeddedMongoServer(EmbeddedStoreCrashTest.properties(data), (c, ids) -> { });
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> docs = client.getDatabase("crash").getCollection("docs");

            assertThat(server.repairedIndexEntries()).isEqualTo(1);
            assertThat(docs.find(Filters.eq("_id", "doc-2")).first()).isNotNull().containsEntry("n", 2);
            assertThatThrownBy(() -> docs.insertOne(new Document("_id", "doc-2")))
                    .isInstanceOfSatisfying(MongoWriteException.class,
                            e -> assertThat(e.getError().getCategory()).isEqualTo(ErrorCategory.DUPLICATE_KEY));
            docs.insertOne(new Document("_id", "doc-4"));
            assertThat(docs.countDocuments()).isEqualTo(5);
        }
    }

    @Test
    void replaysAcknowledgedWritesThatNeverReachedACheckpoint() {
        Path data = folder.resolve("replay.mv");
        StoreProperties slowCheckpoints = new StoreProperties(data, "127.0.0.1", 0, 32, false, "crash",
                java.time.Duration.ofSeconds(30), java.time.Duration.ofHours(1), false, StoreProperties.Compression.FAST);
        EmbeddedMongoServer crashed = new EmbeddedMongoServer(slowCheckpoints, (c, ids) -> { });
        try (MongoClient client = MongoClients.create(crashed.connectionString())) {
            MongoCollection<Document> docs = client.getDatabase("crash").getCollection("docs");
            docs.insertOne(new Document("_id", "kept").append("n", 1));
            docs.updateOne(Filters.eq("_id", "kept"), com.mongodb.client.model.Updates.inc("n", 41));
            docs.insertOne(new Document("_id", "gone"));
            docs.deleteOne(Filters.eq("_id", "gone"));
        }
        crashed.haltAbruptly();

        try (EmbeddedMongoServer reopened = new EmbeddedMongoServer(slowCheckpoints, (c, ids) -> { });
             MongoClient client = MongoClients.create(reopened.connectionString())) {
            MongoCollection<Document> docs = client.getDatabase("crash").getCollection("docs");
            assertThat(reopened.replayedWrites()).isGreaterThanOrEqualTo(4);
            assertThat(reopened.openedAfterCleanShutdown()).as("a killed process is not a clean shutdown").isFalse();
            assertThat(docs.find(Filters.eq("_id", "kept")).first()).containsEntry("n", 42);
            assertThat(docs.find(Filters.eq("_id", "gone")).first()).isNull();
        }
        try (EmbeddedMongoServer again = new EmbeddedMongoServer(slowCheckpoints, (c, ids) -> { })) {
            assertThat(again.replayedWrites()).as("a checkpoint after replay empties the log").isZero();
            assertThat(again.openedAfterCleanShutdown()).isTrue();
        }
    }

    @Test
    void compactionAfterRemovalsKeepsTheStoreWorkingAndItsDataWhole() {
        Path data = folder.resolve("compact.mv");
        try (EmbeddedMongoServer server = new EmbeddedMongoServer(EmbeddedStoreCrashTest.properties(data), (c, ids) -> { });
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> docs = client.getDatabase("crash").getCollection("docs");
            for (int i = 0; i < 2_000; i++) {
                docs.insertOne(new Document("_id", "big-" + i).append("payload", "x".repeat(4_000)));
            }
            server.committer().checkpoint();
            docs.deleteMany(new Document());
            server.committer().checkpoint();

            long returned = server.compact();

            assertThat(returned).isNotNegative();
            docs.insertOne(new Document("_id", "after-compaction"));
            assertThat(docs.find(Filters.eq("_id", "after-compaction")).first()).isNotNull();
        }
        try (EmbeddedMongoServer reopened = new EmbeddedMongoServer(EmbeddedStoreCrashTest.properties(data), (c, ids) -> { });
             MongoClient client = MongoClients.create(reopened.connectionString())) {
            assertThat(client.getDatabase("crash").getCollection("docs").countDocuments()).isEqualTo(1);
        }
    }

    @Test
    void refusesASecondOpenOfTheDataFileWithAPlainExplanation() {
        Path data = folder.resolve("locked.mv");
        try (EmbeddedMongoServer first = new EmbeddedMongoServer(EmbeddedStoreCrashTest.properties(data), (c, ids) -> { })) {
            assertThatThrownBy(() -> new EmbeddedMongoServer(EmbeddedStoreCrashTest.properties(data), (c, ids) -> { }))
                    .isInstanceOfSatisfying(StoreLockedException.class, e -> {
                        assertThat(e.getMessage()).contains("in use by another running taskvault")
                                .contains(first.connectionString().replace("mongodb://", ""));
                        FailureAnalysis analysis = new StoreLockedFailureAnalyzer().analyze(e);
                        assertThat(analysis.getDescription()).isEqualTo(e.getMessage());
                        assertThat(analysis.getAction()).contains("taskvault.store.path");
                    });
        }
    }

    @Test
    void aSecondProcessAttachesToTheRunningStoreWhenAskedTo() {
        Path data = folder.resolve("shared.mv");
        StoreProperties owner = EmbeddedStoreCrashTest.properties(data);
        StoreProperties visitor = new StoreProperties(data, "127.0.0.1", 0, 32, false, "crash",
                java.time.Duration.ofSeconds(30), java.time.Duration.ofSeconds(1), true, StoreProperties.Compression.FAST);
        try (EmbeddedStore running = EmbeddedStore.open(owner, (c, ids) -> { });
             EmbeddedStore attached = EmbeddedStore.open(visitor, (c, ids) -> { });
             MongoClient client = MongoClients.create(attached.connectionString())) {
            assertThat(attached.server()).isEmpty();
            assertThat(attached.connectionString()).isEqualTo(running.connectionString());
            client.getDatabase("crash").getCollection("docs").insertOne(new Document("_id", "from-visitor"));
            try (MongoClient own = MongoClients.create(running.connectionString())) {
                assertThat(own.getDatabase("crash").getCollection("docs").find(Filters.eq("_id", "from-visitor")).first())
                        .isNotNull();
            }
        }
    }

    @Test
    void recordsWhereItListensAndForgetsItOnClose() {
        Path data = folder.resolve("port.mv");
        StoreProperties properties = EmbeddedStoreCrashTest.properties(data);
        try (EmbeddedMongoServer server = new EmbeddedMongoServer(properties, (c, ids) -> { })) {
            assertThat(RunningStore.address(properties.portFile()))
                    .hasValue(server.connectionString().replace("mongodb://", ""));
        }
        assertThat(RunningStore.address(properties.portFile())).isEmpty();
    }

    @Test
    void groupsConcurrentWritersIntoFewerCommits() throws Exception {
        Path data = folder.resolve("group.mv");
        try (EmbeddedMongoServer server = new EmbeddedMongoServer(EmbeddedStoreCrashTest.properties(data), (c, ids) -> { });
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> docs = client.getDatabase("crash").getCollection("docs");
            long before = server.committer().commits();
            List<Thread> writers = new java.util.ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                Thread writer = new Thread(() -> {
                    for (int i = 0; i < 100; i++) {
                        docs.insertOne(new Document("_id", thread + ":" + i));
                    }
                });
                writer.start();
                writers.add(writer);
            }
            for (Thread writer : writers) {
                writer.join();
            }
            assertThat(docs.countDocuments()).isEqualTo(800);
            assertThat(server.committer().commits() - before).isLessThan(800);
        }
    }

    @Test
    void aCheckpointWaitsUntilTheWritesOfAChangeInFlightAreDone() throws Exception {
        Path data = folder.resolve("gate.mv");
        try (EmbeddedMongoServer server = new EmbeddedMongoServer(EmbeddedStoreCrashTest.properties(data), (c, ids) -> { })) {
            java.util.concurrent.CountDownLatch inChange = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.atomic.AtomicBoolean changeDone = new java.util.concurrent.atomic.AtomicBoolean();
            java.util.concurrent.atomic.AtomicBoolean checkpointSawChangeDone = new java.util.concurrent.atomic.AtomicBoolean();
            Thread change = new Thread(() -> server.committer().asOneChange(() -> {
                inChange.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                changeDone.set(true);
                return null;
            }));
            change.start();
            inChange.await();
            Thread checkpoint = new Thread(() -> {
                server.committer().checkpoint();
                checkpointSawChangeDone.set(changeDone.get());
            });
            checkpoint.start();

            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                    .until(() -> checkpoint.getState() == Thread.State.WAITING);
            release.countDown();
            checkpoint.join(10_000);
            change.join(10_000);

            assertThat(checkpointSawChangeDone).as("the checkpoint ran only after the change's writes").isTrue();
        }
    }

    @Test
    void rewritesSparseChunksInTheBackgroundWhileIdle() {
        try (EmbeddedMongoServer server = new EmbeddedMongoServer(withHousekeeping("idle.mv", Duration.ofMillis(10)),
                (c, ids) -> { })) {
            leaveDeadPages(server);

            Awaitility.await().atMost(Duration.ofSeconds(20))
                    .untilAsserted(() -> assertThat(server.committer().compactionSteps()[1]).isPositive());
        }
    }

    @Test
    void aSmallFileIsLeftAloneWhileIdleThoughItsChunksAreSparse() {
        try (EmbeddedMongoServer server = new EmbeddedMongoServer(withHousekeeping("small.mv", Duration.ofMillis(10)),
                (c, ids) -> { });
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> docs = client.getDatabase("crash").getCollection("docs");
            for (int round = 0; round < 10; round++) {
                docs.replaceOne(Filters.eq("_id", "small"), new Document("_id", "small").append("round", round),
                        new com.mongodb.client.model.ReplaceOptions().upsert(true));
                server.committer().checkpoint();
            }
            assertThat(server.chunksFillRate()).as("the chunks of a file rewritten ten times").isLessThan(80);
            long commits = server.committer().commits();
            long after = server.committer().rounds();

            Awaitility.await().atMost(Duration.ofSeconds(20))
                    .until(() -> server.committer().rounds() >= after + 10);

            assertThat(server.committer().compactionSteps()[1]).as("compaction steps").isZero();
            assertThat(server.committer().commits()).as("commits while idle").isEqualTo(commits);
        }
    }

    @Test
    void aZeroHousekeepingIntervalLeavesSparseChunksAlone() {
        try (EmbeddedMongoServer server = new EmbeddedMongoServer(withHousekeeping("one-shot.mv", Duration.ZERO),
                (c, ids) -> { })) {
            leaveDeadPages(server);
            long after = server.committer().rounds();

            //why: idle rounds are when the checkpointer would rewrite chunks; ten of them without a step shows it is off
            Awaitility.await().atMost(Duration.ofSeconds(20))
                    .until(() -> server.committer().rounds() >= after + 10);
            assertThat(server.committer().compactionSteps()[1]).isZero();
        }
    }

    private StoreProperties withHousekeeping(String file, Duration housekeeping) {
        return new StoreProperties(folder.resolve(file), "127.0.0.1", 0, 32, false, "crash", housekeeping,
                Duration.ofMillis(10), false, StoreProperties.Compression.FAST);
    }

    //why: random payloads, which compression leaves their size: about 2 MB of dead pages, worth a compaction
    private static void leaveDeadPages(EmbeddedMongoServer server) {
        try (MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> docs = client.getDatabase("crash").getCollection("docs");
            java.util.Random random = new java.util.Random(7);
            for (int i = 0; i < 500; i++) {
                StringBuilder payload = new StringBuilder();
                random.ints(4_000, 'a', 'z' + 1).forEach(c -> payload.append((char) c));
                docs.insertOne(new Document("_id", "big-" + i).append("payload", payload.toString()));
            }
            server.committer().checkpoint();
            docs.deleteMany(Filters.gte("_id", "big-1"));
            server.committer().checkpoint();
        }
    }

    private static void writeWithTheEnginesOwnCommits(Path data) {
        H2Backend backend = new H2Backend(data.toString());
        MongoServer server = new MongoServer(backend);
        try (MongoClient client = MongoClients.create(server.bindAndGetConnectionString())) {
            MongoCollection<Document> docs = client.getDatabase("crash").getCollection("docs");
            for (int i = 0; i < 4; i++) {
                docs.insertOne(new Document("_id", "doc-" + i).append("n", i));
            }
        } finally {
            server.shutdownNow();
        }
    }

    /** What a SIGKILL between the engine's two map writes leaves behind: the document without its _id entry. */
    private static void tearIdIndexEntry(Path data, String id) {
        MVStore store = MVStore.open(data.toString());
        try {
            MVMap<KeyValue, Object> index = store.openMap("crash.docs._index__id_");
            KeyValue key = index.keySet().stream().filter(k -> index.get(k).equals(id)).findFirst().orElseThrow();
            index.remove(key);
            store.commit();
        } finally {
            store.close();
        }
    }

}

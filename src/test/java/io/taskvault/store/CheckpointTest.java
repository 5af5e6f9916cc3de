package io.taskvault.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import de.bwaldvogel.mongo.bson.Document;

/** A checkpoint is on the disk before its log goes, whatever the thread that takes it. */
class CheckpointTest {

    @TempDir
    Path folder;

    @Test
    void aCheckpointOnAnInterruptedThreadIsWrittenBeforeItsLogGoesAndTheThreadStaysInterrupted() {
        Path data = folder.resolve("interrupted.mv");
        StoreProperties properties = EmbeddedStoreCrashTest.properties(data);
        MVStore store = EmbeddedMongoServer.open(properties);
        GroupCommitter committer = committer(store, data);
        MVMap<Integer, String> written = store.openMap("written");
        boolean stillInterrupted;
        try {
            for (int i = 0; i < 2_000; i++) {
                int key = i;
                committer.write("db", "insert", new Document("_id", key), () -> written.put(key, "x".repeat(500)));
            }
            //why: what archival's thread is when the application shuts its scheduler down mid-compaction
            Thread.currentThread().interrupt();
            committer.checkpoint();
        } finally {
            stillInterrupted = Thread.interrupted();
            committer.abandon();
            store.closeImmediately();
        }

        assertThat(stillInterrupted).as("the interrupt is kept for the thread's owner").isTrue();
        MVStore reopened = EmbeddedMongoServer.open(properties);
        try {
            GroupCommitter again = committer(reopened, data);
            List<Object> replayed = new ArrayList<>();
            again.replay(entry -> replayed.add(entry.query().get("_id")));
            assertThat(replayed).as("writes left in the log").isEmpty();
            assertThat(reopened.<Integer, String>openMap("written")).as("writes in the checkpoint").hasSize(2_000);
            again.close();
        } finally {
            reopened.close();
        }
    }

    @Test
    void aSnapshotTakenWhileTheSerializerIsHeldIsWrittenOnceItGoes() {
        Path data = folder.resolve("held.mv");
        StoreProperties properties = EmbeddedStoreCrashTest.properties(data);
        MVStore store = EmbeddedMongoServer.open(properties);
        StoreCommits commits = new StoreCommits(store, false);
        MVMap<Integer, String> written = store.openMap("written");
        boolean held;
        try {
            held = commits.holdSerializer();
            written.put(1, "queued behind the hold");
            commits.snapshotInBackground();
            commits.letSerializerGo();
            commits.awaitWritten();
        } finally {
            commits.close();
            store.closeImmediately();
        }

        assertThat(held).as("MVStore's serialization thread found and held").isTrue();
        MVStore reopened = EmbeddedMongoServer.open(properties);
        try {
            assertThat(reopened.<Integer, String>openMap("written")).containsEntry(1, "queued behind the hold");
        } finally {
            reopened.close();
        }
    }

    @Test
    void checkpointsWithNothingWrittenCommitNothingThoughChunksWaitToBeFreed() {
        Path data = folder.resolve("idle.mv");
        MVStore store = EmbeddedMongoServer.open(EmbeddedStoreCrashTest.properties(data));
        GroupCommitter committer = committer(store, data);
        MVMap<Integer, String> written = store.openMap("written");
        try {
            for (int round = 0; round < 20; round++) {
                for (int i = 0; i < 50; i++) {
                    int key = i;
                    committer.write("db", "insert", new Document("_id", key), () -> written.put(key, "x".repeat(100)));
                }
                committer.checkpoint();
            }
            long commits = committer.commits();
            //why: the chunks those writes left dead may all be freed now, as they may 60 s after a burst of writes
            store.setRetentionTime(0);

            for (int idle = 0; idle < 100; idle++) {
                committer.checkpoint();
            }

            assertThat(committer.commits() - commits).as("checkpoints that committed with nothing written").isZero();
        } finally {
            committer.close();
            store.close();
        }
    }

    @Test
    void closingTheStoreWhileTheSerializerIsHeldEndsTheHold() {
        Path data = folder.resolve("closing.mv");
        MVStore store = EmbeddedMongoServer.open(EmbeddedStoreCrashTest.properties(data));
        StoreCommits commits = new StoreCommits(store, false);
        long took;
        try {
            assertThat(commits.holdSerializer()).isTrue();
            long start = System.nanoTime();
            //why: what MVStore does on the holding thread itself when a commit panics
            store.closeImmediately();
            took = System.nanoTime() - start;
        } finally {
            commits.letSerializerGo();
            commits.close();
        }

        //why: a bound far above a close and far below the hold's own limit of 10 s, which it waited out before
        assertThat(Duration.ofNanos(took)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aCommitAlthoughIdleWritesOneWithNothingChangedSoMVStoresOwnWriterHasNoReasonTo() throws Exception {
        Path data = folder.resolve("idle.mv");
        MVStore store = EmbeddedMongoServer.open(EmbeddedStoreCrashTest.properties(data));
        try {
            GroupCommitter committer = committer(store, data);
            committer.checkpoint();
            long version = store.getCurrentVersion();
            long commits = committer.commits();

            committer.commitAlthoughIdle();

            assertThat(store.getCurrentVersion()).as("the store's version").isGreaterThan(version);
            assertThat(committer.commits()).isEqualTo(commits + 1);
            assertThat(store.hasUnsavedChanges()).isFalse();
            committer.close();
            try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(folder)) {
                assertThat(files.map(file -> file.getFileName().toString()))
                        .as("logs left after a last checkpoint with no write after it").noneMatch(name -> name.contains(".wal."));
            }
        } finally {
            store.close();
        }
    }

    @Test
    void aCheckpointCutOffBeforeItWasWrittenLeavesItsLogAndTheNextOneAndBothReplayInOrder() {
        Path data = folder.resolve("cut.mv");
        WriteAheadLog log = new WriteAheadLog(data, 4, false);
        log.append("db", "insert", new Document("_id", "before the snapshot"));
        //why: what a checkpoint does under the writers' locks; its write and the removal of log 4 come after
        log.startNext(5);
        log.append("db", "insert", new Document("_id", "after the snapshot"));
        log.close();

        //why: the file still names generation 4, as the killed process's last written checkpoint did
        WriteAheadLog reopened = new WriteAheadLog(data, 4, false);
        List<Object> replayed = reopened.read().stream().map(entry -> entry.query().get("_id")).toList();
        reopened.startNext(6);
        reopened.deleteBelow(6);
        reopened.close();

        assertThat(replayed).containsExactly("before the snapshot", "after the snapshot");
        assertThat(log.file(4)).doesNotExist();
        assertThat(log.file(5)).doesNotExist();
    }

    @Test
    void aCheckpointWithNoWriteBeforeItStillLeavesItsLogSoTheReplayReachesTheNextOne() throws Exception {
        Path data = folder.resolve("gap.mv");
        WriteAheadLog log = new WriteAheadLog(data, 3, false);
        //why: two checkpoints with no write between them (an idle one, one of compaction); the second's is not written
        log.startNext(4);
        java.nio.file.Files.writeString(log.file(5), "a log left by another run");
        log.startNext(5);
        log.append("db", "insert", new Document("_id", "acknowledged"));
        log.close();

        WriteAheadLog reopened = new WriteAheadLog(data, 4, false);
        List<Object> replayed = reopened.read().stream().map(entry -> entry.query().get("_id")).toList();

        assertThat(log.file(4)).as("the log of a generation with no write").exists();
        assertThat(replayed).containsExactly("acknowledged");
    }

    @Test
    void logsADiedProcessLeftBeforeItsGenerationGoWithTheFirstCheckpoint() throws Exception {
        Path data = folder.resolve("left.mv");
        for (long gen = 1; gen <= 3; gen++) {
            java.nio.file.Files.writeString(new WriteAheadLog(data, gen, false).file(gen), "already in a checkpoint");
        }
        WriteAheadLog log = new WriteAheadLog(data, 4, false);

        log.startNext(5);
        log.deleteBelow(5);
        log.close();

        assertThat(log.file(1)).doesNotExist();
        assertThat(log.file(3)).doesNotExist();
        assertThat(log.file(5)).exists();
    }

    private static GroupCommitter committer(MVStore store, Path data) {
        return new GroupCommitter(store, data, false, Duration.ofHours(1), Duration.ofHours(1));
    }
}

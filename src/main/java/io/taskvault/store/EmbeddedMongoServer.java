package io.taskvault.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import io.netty.channel.embedded.EmbeddedChannel;

/**
 * mongo-java-server with its H2 MVStore backend, in this JVM, on loopback: taskvault's zero-set-up store.
 * The MVStore is built here (large page cache, no background commit) and its commits are owned by a
 * {@link GroupCommitter} backed by a write-ahead log that is replayed when the store opens.
 */
public final class EmbeddedMongoServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoServer.class);
    //why: writers go on between the steps, so the limit only bounds how long archival waits for the space
    private static final java.time.Duration COMPACTION_LIMIT = java.time.Duration.ofMinutes(2);

    private final StoreProperties properties;
    private final MVStore store;
    private final CommittingH2Backend backend;
    private final GroupCommitter committer;
    private final MongoServer server;
    private final InetSocketAddress address;
    private final int repairedIndexEntries;
    private final boolean indexesChecked;
    private final ReplayedIds replayedIds = new ReplayedIds();
    private final int replayedWrites;
    private final ThreadPoolTaskScheduler ownScheduler;
    private volatile java.util.function.LongSupplier freeDisk = this::usableSpace;

    /** A server whose checkpoints run on a scheduler of its own, stopped when it closes (tests, tools). */
    public EmbeddedMongoServer(StoreProperties properties, CommittingH2Backend.WriteListener listener) {
        this(properties, listener, null);
    }

    /** A server whose checkpoints and compaction run on {@code checkpointer} (one thread is enough). */
    public EmbeddedMongoServer(StoreProperties properties, CommittingH2Backend.WriteListener listener,
                               TaskScheduler checkpointer) {
        this.properties = properties;
        this.ownScheduler = checkpointer == null ? ownCheckpointScheduler() : null;
        this.store = open(properties);
        this.backend = new CommittingH2Backend(store, listener);
        //why: every checkpoint is taken under the write lock, so a file only ever committed so has consistent indexes,
        //    after a crash too (MVStore opens at its last complete commit); the check reads every document and index
        //    entry (about 60 s at 100,000 tasks with their history), so only files written otherwise pay for it
        this.indexesChecked = !GroupCommitter.commitsOwned(store);
        this.repairedIndexEntries = indexesChecked ? IndexRepair.repair(store, backend) : 0;
        if (repairedIndexEntries > 0) {
            log.warn("Repaired {} index entries left inconsistent by an earlier crash", repairedIndexEntries);
        }
        this.committer = new GroupCommitter(store, properties.path(), properties.fsync(),
                properties.checkpointInterval(), properties.housekeepingInterval());
        committer.roomToCompact(() -> roomToCompact(false));
        EmbeddedChannel replayChannel = new EmbeddedChannel();
        this.replayedWrites = committer.replay(entry -> {
            replayedIds.note(entry.command(), entry.query());
            backend.replay(entry, replayChannel);
        });
        backend.handleClose(replayChannel);
        if (replayedWrites > 0) {
            log.info("Replayed {} logged writes that were not yet in the data file", replayedWrites);
        }
        backend.commitThrough(committer);
        committer.start(checkpointer == null ? ownScheduler : checkpointer);
        this.server = new MongoServer(backend.version(ServerVersion.MONGO_5_0));
        this.server.bind(properties.host(), properties.port());
        this.address = server.getLocalAddress();
        writePortFile();
        log.info("Embedded store {} listening on {}:{}", properties.path(), address.getHostString(), address.getPort());
    }

    /**
     * The one thread checkpoints and compaction steps run on; without a Spring context the server initializes its own
     * and shuts it down when it closes.
     */
    static ThreadPoolTaskScheduler checkpointScheduler() {
        ThreadPoolTaskScheduler scheduler = new UnpausedScheduler();
        scheduler.setThreadNamePrefix("taskvault-checkpointer-");
        scheduler.setDaemon(true);
        //why: a checkpoint or compaction step in progress ends before the store closes; later ticks are dropped
        scheduler.setWaitForTasksToCompleteOnShutdown(true);
        scheduler.setAwaitTerminationSeconds(10);
        return scheduler;
    }

    private static ThreadPoolTaskScheduler ownCheckpointScheduler() {
        ThreadPoolTaskScheduler scheduler = checkpointScheduler();
        scheduler.initialize();
        return scheduler;
    }

    static MVStore open(StoreProperties properties) {
        Path path = properties.path().toAbsolutePath().normalize();
        try {
            Files.createDirectories(path.getParent());
            MVStore.Builder builder = new MVStore.Builder();
            switch (properties.compression()) {
                case FAST -> builder.compress();
                case HIGH -> builder.compressHigh();
                case NONE -> { }
            }
            MVStore store = builder
                    .fileName(path.toString())
                    .cacheSize(properties.effectiveCacheSizeMb())
                    .autoCommitDisabled()
                    //why: a zero buffer also stops writer threads from committing when unsaved pages pile up
                    .autoCommitBufferSize(0)
                    //why: MVStore's own compaction is off; Compaction runs every rewrite under the committer's
                    //    committing lock, so no snapshot is taken while it works
                    .autoCompactFillRate(0)
                    .open();
            //why: starts MVStore's serialization and save threads, on which a compaction step's commit is written
            //    after the writers go on (GroupCommitter.compactionStep); its background writer would commit by itself
            //    after this delay (24 days) without a commit, and the checkpointer commits at least once a day
            store.setAutoCommitDelay(Integer.MAX_VALUE);
            //why: a chunk freed by a newer checkpoint may be overwritten after the retention time, and a find still
            //    scanning an older version then fails ("Chunk 14 not found"): finds do not take the checkpoint lock,
            //    and a full scan of a large collection on a busy machine takes well over 10 s. 60 s (H2's default
            //    is 45 s) keeps such scans safe at the cost of reusing freed space later
            store.setRetentionTime(60_000);
            return store;
        } catch (MVStoreException e) {
            if (e.getErrorCode() == DataUtils.ERROR_FILE_LOCKED) {
                throw new StoreLockedException(path, RunningStore.describe(properties.portFile()));
            }
            throw new StoreUnavailableException("Cannot open the data file " + path + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data folder for " + path, e);
        }
    }

    private void writePortFile() {
        try {
            Files.writeString(properties.portFile(), address.getHostString() + ":" + address.getPort() + "\n",
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            log.warn("Could not record the store's port in {}: {}", properties.portFile(), e.getMessage());
        }
    }

    /**
     * How many documents of each {@code schemaVersion} a collection holds (a missing version field counts as 1), from
     * the tally every write keeps; empty when there is no such collection.
     */
    public java.util.Map<Integer, Long> schemaVersions(String database, String collection) {
        return backend.schemaVersions(database, collection);
    }

    /**
     * Every document of a collection, as BSON, read from the data file's pages in this process: a snapshot of the
     * moment the call starts, taken without the collection's lock (a query over every document holds it throughout,
     * and reading a million tasks by {@code _id} took minutes at 1,000,000 tasks). Only documents {@code wanted}
     * accepts, asked of the document as the page holds it (its values as Java types), are encoded and handed out.
     */
    public void forEachDocument(String database, String collection,
                                java.util.function.Predicate<java.util.Map<String, Object>> wanted,
                                java.util.function.Consumer<byte[]> action) {
        backend.forEachBson(database, collection, wanted, action);
    }

    CommittingH2Backend backend() {
        return backend;
    }

    public String connectionString() {
        return "mongodb://" + address.getHostString() + ":" + address.getPort();
    }

    public int repairedIndexEntries() {
        return repairedIndexEntries;
    }

    /** Whether this open checked every index entry (only for a file not written by taskvault's own commits). */
    public boolean indexesChecked() {
        return indexesChecked;
    }

    /** How many logged writes the last open replayed (they had not reached a checkpoint before the process ended). */
    public int replayedWrites() {
        return replayedWrites;
    }

    /**
     * The ids each collection's replayed writes named, when the process before kept every change whole within its
     * checkpoints (so a change a crash cut in two is among them); empty when that is not known.
     */
    public Optional<ReplayedIds> idsOfCutChanges() {
        return committer.previousChangesWhole() ? Optional.of(replayedIds) : Optional.empty();
    }

    /** True when the data file was closed cleanly last time and nothing needed replaying: no write was cut short. */
    public boolean openedAfterCleanShutdown() {
        return committer.previousShutdownClean() && replayedWrites == 0 && repairedIndexEntries == 0;
    }

    /** Simulates a killed process: no checkpoint, no clean close of the data file. */
    void haltAbruptly() {
        server.shutdownNow();
        committer.abandon();
        store.closeImmediately();
        if (ownScheduler != null) {
            ownScheduler.shutdown();
        }
    }

    public GroupCommitter committer() {
        return committer;
    }

    /**
     * Gives the space of removed documents back to the disk; returns the bytes freed. Runs in short steps, each holding
     * writers for one bounded piece of work (see {@link Compaction}), for at most two minutes. Skipped, with a warning,
     * while the disk has less free space than twice the file's live data.
     * //why: the rewrites write the live pages anew before any move cuts the file: at 100,000 tasks it grew by twice its
     * //    live data, filled the disk, and the write that found no space closed the store for the life of the process
     */
    public long compact() {
        long before = fileSize();
        if (!roomToCompact(true)) {
            return 0;
        }
        committer.compactFully(COMPACTION_LIMIT);
        return Math.max(0, before - fileSize());
    }

    /** Whether the disk has room for what a compaction may write before it frees anything (twice the live data). */
    private boolean roomToCompact(boolean warn) {
        long mayWrite = 2 * (fileSize() / 100) * chunksFillRate();
        long free = freeDisk.getAsLong();
        if (free < mayWrite && warn) {
            log.warn("Did not compact {}: it may write up to {} MB before it frees any, and the disk has {} MB free",
                    properties.path(), mayWrite >> 20, free >> 20);
        }
        return free >= mayWrite;
    }

    /** Where {@link #compact()} learns the disk's free space (tests give a small one). */
    void freeDiskFrom(java.util.function.LongSupplier freeDisk) {
        this.freeDisk = freeDisk;
    }

    private long usableSpace() {
        try {
            return Files.getFileStore(properties.path().toAbsolutePath().getParent()).getUsableSpace();
        } catch (IOException e) {
            log.debug("Could not read the free space beside {}", properties.path(), e);
            return Long.MAX_VALUE;
        }
    }

    /** How long a chunk a checkpoint freed stays readable (tests shorten it to see compaction at work at once). */
    void retainFreedChunks(java.time.Duration retention) {
        store.setRetentionTime((int) retention.toMillis());
    }

    /** The share of live data in the data file's chunks, in percent. */
    int chunksFillRate() {
        return store.getFileStore() == null ? 100 : store.getFileStore().getChunksFillRate();
    }

    public long fileSize() {
        return store.getFileStore() == null ? 0 : store.getFileStore().size();
    }

    @Override
    public void close() {
        server.shutdownNow();
        committer.close();
        committer.exclusively(() -> {
            store.close();
            return null;
        });
        if (ownScheduler != null) {
            ownScheduler.shutdown();
        }
        try {
            Files.deleteIfExists(properties.portFile());
        } catch (IOException e) {
            log.debug("Could not remove {}", properties.portFile(), e);
        }
        log.info("Embedded store {} closed", properties.path());
    }
}

package io.taskvault.store;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.IntPredicate;

import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives the space of dead pages back in steps of bounded work that run beside the writers, each ended by a
 * checkpoint. Behind the writes a step moves the live pages out of the emptiest chunks (at most {@link #STEP_BYTES}).
 * A full compaction (after archival) rewrites the leaves that sit in sparse chunks in key order ({@link KeyOrderSweep}),
 * {@link #FULL_STEP_BYTES} a step, then empties the end of the file the same way, so it can be cut off. MVStore writes
 * the rewritten pages into the first free space. The committer holds the writers only while it takes the snapshot that
 * ends a step, and writes it while they go on.
 * //why: MVStore's own compaction is off and the committer owns every commit, so nothing else rewrites sparse chunks;
 * //    one rewrite of the whole file held writers for a minute at 100,000 tasks
 */
final class Compaction {

    private static final Logger log = LoggerFactory.getLogger(Compaction.class);

    //why: below this share of live data in the file's chunks, dead pages are worth moving out of them
    static final int TARGET_FILL = 80;
    //why: below this much dead space a step frees too little to pay for its commit; in a small file each step's commit
    //    left about as much dead space as it freed, so an idle server committed every housekeeping round for ever
    static final long WORTH_BYTES = 1 << 20;
    //why: what a full compaction aims at; above it the last percent costs more rewriting than it gives back
    static final int FULL_FILL = 95;
    //why: one step rewrites this much live data beside the writers, then a checkpoint makes its chunk
    static final int STEP_BYTES = 256 << 10;
    //why: a full compaction rewrites this much per step (a run of neighbouring leaves shares the pages above it)
    static final int FULL_STEP_BYTES = 1 << 20;
    //why: what MVStore's own rewrite may write in one round for the pages a sweep cannot reach; they are few and small,
    //    but it takes chunks by rank, and a young chunk among them ranks behind much of the file
    private static final int REST_BYTES = 8 * FULL_STEP_BYTES;
    //why: a rewritten run lands at the end of the file when no free space inside fits it, so the end is emptied again
    private static final int TAIL_ROUNDS = 3;
    //why: under load, rewrite a quarter of what the writes added since the last round: a chunk's pages die fast (every
    //    checkpoint rewrites the B-tree pages it touches), so a quarter moved out of sparse chunks frees far more
    private static final int SHARE_OF_WRITES = 4;
    private static final int IDLE_STEPS = 64;
    //why: a full compaction its time limit cut short goes on in quiet moments, this long a piece; each piece starts
    //    its sweep again, so a piece much shorter would spend itself finding where the last one stopped
    private static final long IDLE_PIECE_NANOS = 15_000_000_000L;
    private static final String UNFINISHED = "fullCompactionUnfinished";
    //why: a bound on what a compaction that cannot finish (writers come back at every piece) spends: 15 minutes
    private static final int IDLE_PIECES = 60;
    //why: MVStore's block, in which chunk lengths are counted (FileStore.BLOCK_SIZE is not public)
    private static final int BLOCK = 4096;

    private final MVStore store;
    private final StepCommitter committer;
    private final AtomicLong longestStep = new AtomicLong();
    private final AtomicLong steps = new AtomicLong();
    private volatile long writtenBefore;
    //why: archival's compaction runs on its own thread while the checkpointer may start a piece; one at a time, so
    //    neither restores the other's retention settings
    private final ReentrantLock running = new ReentrantLock();
    private volatile BooleanSupplier room = () -> true;
    private int pieces;
    private long nextPiece;
    private volatile boolean closed;

    Compaction(MVStore store, StepCommitter committer) {
        this.store = store;
        this.committer = committer;
        this.writtenBefore = writtenBytes();
    }

    /**
     * Compacts behind the writes, after a checkpoint: under load, as much live data as a quarter of the bytes the
     * writes added to the file since the last round (at least one step when {@code due}, even past the deadline); idle,
     * up to 64 steps, or a piece of a full compaction that its time limit cut short. Stops at {@code deadline}, when a
     * step finds nothing to rewrite, or when the chunks are {@link #TARGET_FILL} full or hold less than
     * {@link #WORTH_BYTES} of dead pages.
     */
    void behindWrites(boolean idle, boolean due, long deadline) {
        if (idle && unfinished()) {
            if (System.nanoTime() >= nextPiece) {
                goOnInAQuietMoment();
            }
            writtenBefore = writtenBytes();
            return;
        }
        long written = writtenBytes() - writtenBefore;
        long budget = idle ? (long) IDLE_STEPS * STEP_BYTES : Math.max(due ? STEP_BYTES : 0, written / SHARE_OF_WRITES);
        for (long done = 0; done < budget && (done == 0 && due || System.nanoTime() < deadline) && worthCompacting();
             done += STEP_BYTES) {
            if (!behindStep()) {
                break;
            }
        }
        //why: what the steps wrote is not the writers'; counting it would make the next round rewrite for itself
        writtenBefore = writtenBytes();
    }

    /**
     * Rewrites sparse chunks until they are {@link #FULL_FILL} full, then empties the end of the file so it can be cut
     * off; writers are let in between the steps. The rewrites stop at {@code deadline}; stopped there, the compaction
     * goes on in quiet moments, a piece at a time ({@link #behindWrites}), until it finishes.
     */
    void fully(long deadline) {
        running.lock();
        try {
            pieces = 0;
            markUnfinished(!fullyUntil(deadline, true));
        } finally {
            running.unlock();
        }
    }

    void roomToCompact(BooleanSupplier room) {
        this.room = room;
    }

    /** Whether a full compaction stopped at its time limit and has not finished since. */
    boolean unfinished() {
        return Boolean.TRUE.equals(store.openMap(GroupCommitter.META_MAP).get(UNFINISHED));
    }

    /**
     * One piece of a full compaction that stopped at its time limit (or left the file longer than its live chunks by
     * more than a tenth); it counts as finished once a piece ends before its own limit with the file cut down, or after
     * {@link #IDLE_PIECES} pieces in this process.
     * //why: archival's compaction gets two minutes; at 1,000,000 tasks it needs about eleven, so the file stayed at
     * //    12 MB per 1,000 tasks until the next archival
     */
    private void goOnInAQuietMoment() {
        if (!running.tryLock()) {
            return;
        }
        boolean ran = false;
        boolean done = false;
        try {
            if (room.getAsBoolean()) {
                ran = true;
                done = fullyUntil(System.nanoTime() + IDLE_PIECE_NANOS, false);
            }
        } finally {
            if (ran) {
                markUnfinished(!done && ++pieces < IDLE_PIECES);
            }
            //why: the chunks a piece emptied are free for the next one only once they have aged past the retention
            //    time; sooner, it would write the end's pages at the end again. A piece that failed or found no room
            //    on the disk waits as long
            nextPiece = System.nanoTime() + Math.max(store.getRetentionTime(), 1_000) * 1_000_000L;
            running.unlock();
        }
    }

    private void markUnfinished(boolean unfinished) {
        if (unfinished != unfinished()) {
            store.openMap(GroupCommitter.META_MAP).put(UNFINISHED, unfinished);
        }
    }

    /**
     * A full compaction until {@code deadline}; whether it finished before it with the file cut down. With
     * {@code freeAtOnce}, the chunks it empties are free for reuse at its next commit, not after the retention time.
     * //why: with no retention and no kept versions, a commit frees at once every chunk only the removed documents
     * //    still used; otherwise MVStore keeps the chunks archival just emptied for 60 s and until 5 more commits,
     * //    so what could be cut off depended on how many checkpoints happened to come between (often none). A piece in
     * //    a quiet moment keeps the retention time (MVStore counts it from when a chunk was written). A find is kept
     * //    safe by registering the version it reads (CommittingH2Backend.readingOneVersion), not by either setting
     */
    private boolean fullyUntil(long deadline, boolean freeAtOnce) {
        int retention = store.getRetentionTime();
        int versions = (int) store.getVersionsToKeep();
        if (freeAtOnce) {
            store.setRetentionTime(0);
        }
        store.setVersionsToKeep(0);
        long[] held = {0, 0};
        boolean finished = false;
        try {
            rewriteSparseChunks(deadline, held);
            emptyTheEnd(deadline, held);
            finished = !closed && System.nanoTime() < deadline && cutDown();
            return finished;
        } finally {
            log.info("Compacted the data file: {} steps, the longest held the writers {} ms{}", held[1],
                    held[0] / 1_000_000, finished ? "" : "; not cut down yet");
            store.setVersionsToKeep(versions);
            store.setRetentionTime(retention);
        }
    }

    /**
     * Rewrites the leaves in chunks less than {@link #FULL_FILL} full, in one sweep over every map, step by step; then
     * what the sweep cannot reach (MVStore's own metadata) in steps of MVStore's rewrite, which takes the oldest and
     * emptiest chunks first, while they leave less in the sweep's chunks.
     */
    private void rewriteSparseChunks(long deadline, long[] held) {
        KeyOrderSweep sweep = new KeyOrderSweep(store);
        IntPredicate sparse = sweep.sparseChunks(FULL_FILL);
        sweepOnce(sweep, sparse, deadline, held);
        for (long left = sweep.liveIn(sparse), before = Long.MAX_VALUE; left > 0 && left < before
                && System.nanoTime() < deadline; before = left, left = sweep.liveIn(sparse)) {
            long limit = Math.min(left, FULL_STEP_BYTES);
            noteHold(held, step(() -> store.compact(FULL_FILL, (int) limit)));
        }
    }

    /**
     * Rewrites the leaves of the chunks that end beyond where the live chunks would end if they were packed. MVStore
     * writes them into the first free space, and cuts the file's end off once the chunks there are freed and a commit
     * is written inside the file. Moving the chunks instead (MVStore's own way) copies them all in one held step.
     */
    private void emptyTheEnd(long deadline, long[] held) {
        for (int round = 0; ; round++) {
            //why: the chunks the steps emptied are freed by a later commit that stores something
            noteHold(held, step(() -> store.openMap(GroupCommitter.META_MAP).put("lastCompaction", System.nanoTime())));
            if (round == TAIL_ROUNDS || System.nanoTime() >= deadline) {
                return;
            }
            KeyOrderSweep sweep = new KeyOrderSweep(store);
            IntPredicate end = sweep.chunksEndingBeyond(sweep.liveBlocks());
            if (sweep.liveIn(end) == 0) {
                return;
            }
            sweepOnce(sweep, end, deadline, held);
            rewriteTheRest(sweep, end, deadline, held);
        }
    }

    //why: the chunk of the latest commit always ends the file, and the file's header blocks count in its length but
    //    in no chunk, so "cut down" means within a tenth of the live chunks, and a megabyte for a small file
    private boolean cutDown() {
        FileStore<?> file = store.getFileStore();
        long packed = new KeyOrderSweep(store).liveBlocks() * BLOCK;
        return file == null || file.size() <= packed + packed / 10 + (1 << 20);
    }

    /**
     * Rewrites what a sweep cannot reach in {@code chunks} with MVStore's own rewrite, {@link #FULL_STEP_BYTES} a step,
     * until it has written what it needs to take all of them.
     * //why: the file layout's leaves stay in the chunk that last changed one of their entries; those of chunks that no
     * //    longer change pinned 15 nearly empty chunks at the end of a 24 GB file whose live chunks fitted in 7 GB
     */
    private void rewriteTheRest(KeyOrderSweep sweep, IntPredicate chunks, long deadline, long[] held) {
        long limit = Math.min(sweep.rewriteLimitFor(chunks), REST_BYTES);
        for (long done = 0; done < limit && System.nanoTime() < deadline; done += FULL_STEP_BYTES) {
            int bytes = (int) Math.min(limit - done, FULL_STEP_BYTES);
            boolean[] rewritten = {false};
            //why: a target of 100 lets it run whatever the file's overall fill; it still ranks the chunks itself
            if (!noteHold(held, step(() -> rewritten[0] = store.compact(100, bytes))) || !rewritten[0]) {
                return;
            }
        }
    }

    /** Rewrites the leaves in {@code chunks}, step by step, until one sweep over every map is done or the deadline. */
    private void sweepOnce(KeyOrderSweep sweep, IntPredicate chunks, long deadline, long[] held) {
        while (sweep.passes() == 0 && System.nanoTime() < deadline) {
            KeyOrderSweep.Run run = sweep.next(chunks, FULL_STEP_BYTES);
            if (run.isEmpty() || !noteHold(held, step(run::rewrite))) {
                return;
            }
        }
    }

    /**
     * One step of MVStore's own rewrite: the live pages of the emptiest, oldest chunks, about {@link #STEP_BYTES}.
     * //why: under load, taking the emptiest chunks first frees more per byte rewritten than a sweep that rewrites
     * //    whichever sparse leaf comes next in key order
     */
    private boolean behindStep() {
        boolean[] rewritten = {false};
        return step(() -> rewritten[0] = store.compact(TARGET_FILL, STEP_BYTES)) >= 0 && rewritten[0];
    }

    /** Adds one step's hold to {@code held} (the longest, the count); false when the step did not run. */
    private static boolean noteHold(long[] held, long nanos) {
        if (nanos < 0) {
            return false;
        }
        held[0] = Math.max(held[0], nanos);
        held[1]++;
        return true;
    }

    /** One step and its snapshot; returns how long the snapshot held writers, or -1 when the store had closed. */
    private long step(Runnable work) {
        long held = committer.besideWriters(work);
        closed |= held < 0;
        if (held >= 0) {
            longestStep.accumulateAndGet(held, Math::max);
            steps.incrementAndGet();
        }
        return held;
    }

    private boolean worthCompacting() {
        FileStore<?> file = store.getFileStore();
        if (file == null) {
            return false;
        }
        int fill = file.getChunksFillRate();
        return fill < TARGET_FILL && file.size() / 100 * (100 - fill) >= WORTH_BYTES;
    }

    private long writtenBytes() {
        AtomicLong bytes = new AtomicLong();
        store.populateInfo((name, value) -> {
            if (name.equals("info.FILE_WRITE_BYTES")) {
                bytes.set(Long.parseLong(value));
            }
        });
        return bytes.get();
    }

    /** The longest time one step's snapshot held writers, in nanoseconds, and how many steps ran. */
    long[] steps() {
        return new long[] {longestStep.get(), steps.get()};
    }

    /** Runs a step beside the writers and commits what it changed (written after they go on). */
    @FunctionalInterface
    interface StepCommitter {
        /** Runs {@code work} and commits it; returns how long writers were held, in nanoseconds, or -1 once closed. */
        long besideWriters(Runnable work);
    }
}

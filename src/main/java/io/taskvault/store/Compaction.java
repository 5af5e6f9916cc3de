package io.taskvault.store;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.RandomAccessStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives the space of dead pages back in steps that each hold writers for one bounded piece of work and then let
 * them in. Behind the writes a step moves the live pages out of the sparsest chunks (at most {@link #STEP_BYTES};
 * MVStore writes them into the first free space). A full compaction (after archival) rewrites in larger steps
 * ({@link #FULL_STEP_BYTES}) and then moves the chunks towards the start of the file in one step, so the end can be
 * cut off; the committer commits each step before it lets writers in.
 * //why: the background writer of MVStore is off (the committer owns every commit), so nothing else rewrites sparse
 * //    chunks; one rewrite of the whole file held writers for a minute at 100,000 tasks
 */
final class Compaction {

    private static final Logger log = LoggerFactory.getLogger(Compaction.class);

    //why: below this share of live data in the file's chunks, dead pages are worth moving out of them
    static final int TARGET_FILL = 80;
    //why: what a full compaction aims at; above it the last percent costs more rewriting than it gives back
    static final int FULL_FILL = 95;
    //why: one step rewrites this much live data: a few milliseconds with its commit, so writers barely notice
    static final int STEP_BYTES = 256 << 10;
    //why: a full compaction rewrites this much per step; each step's commit also writes the B-tree pages above the
    //    moved ones, and in smaller steps those made the file sparser than before (22 % full from 26 % at 20,000 in
    //    steps of 256 KB, 28 % from 30 % in steps of 4 MB)
    static final int FULL_STEP_BYTES = 8 << 20;
    //why: a move frees the chunks it emptied only at a later commit, so a second round can cut off what the first
    //    moved out of the way (a 3.5 MB file grew to 5.3 MB after one round of rewrites and moves)
    private static final int MOVE_ROUNDS = 3;
    //why: under load, rewrite a quarter of what the writes added since the last round: a chunk's pages die fast (every
    //    checkpoint rewrites the B-tree pages it touches), so a quarter moved out of sparse chunks frees far more
    private static final int SHARE_OF_WRITES = 4;
    private static final int IDLE_STEPS = 64;

    private final MVStore store;
    private final Holder holder;
    private final AtomicLong longestStep = new AtomicLong();
    private final AtomicLong steps = new AtomicLong();
    private volatile long writtenBefore;

    Compaction(MVStore store, Holder holder) {
        this.store = store;
        this.holder = holder;
        this.writtenBefore = writtenBytes();
    }

    /**
     * Compacts behind the writes, after a checkpoint: under load, as much live data as a quarter of the bytes the
     * writes added to the file since the last round (at least one step when {@code due}, even past the deadline); idle,
     * up to 64 steps. Stops at {@code deadline}, when a step finds nothing to rewrite, or when the chunks are
     * {@link #TARGET_FILL} full.
     */
    void behindWrites(boolean idle, boolean due, long deadline) {
        long written = writtenBytes() - writtenBefore;
        long budget = idle ? (long) IDLE_STEPS * STEP_BYTES : Math.max(due ? STEP_BYTES : 0, written / SHARE_OF_WRITES);
        for (long done = 0; done < budget && (done == 0 && due || System.nanoTime() < deadline) && fill() < TARGET_FILL;
             done += STEP_BYTES) {
            if (!rewriteStep(TARGET_FILL, STEP_BYTES)) {
                break;
            }
        }
        //why: what the steps wrote is not the writers'; counting it would make the next round rewrite for itself
        writtenBefore = writtenBytes();
    }

    /**
     * Rewrites sparse chunks until they are {@link #FULL_FILL} full, then moves chunks towards the start of the file so
     * its end can be cut off; writers are let in between the steps. The rewrites stop at {@code deadline}.
     */
    void fully(long deadline) {
        int retention = store.getRetentionTime();
        int versions = (int) store.getVersionsToKeep();
        //why: with no retention and no kept versions, a commit frees at once every chunk only the removed documents
        //    still used; otherwise MVStore keeps the chunks archival just emptied for 60 s and until 5 more commits,
        //    so what could be cut off depended on how many checkpoints happened to come between (often none)
        store.setRetentionTime(0);
        store.setVersionsToKeep(0);
        long[] rewrites = {0, 0};
        long[] moves = {0, 0};
        try {
            rewriteSparseChunks(deadline, rewrites);
            for (int round = 0; round < MOVE_ROUNDS; round++) {
                long size = store.getFileStore() == null ? 0 : store.getFileStore().size();
                //why: the chunks a rewrite or a move empties are freed only by a later commit that stores something
                step(() -> store.openMap(GroupCommitter.META_MAP).put("lastCompaction", System.nanoTime()));
                moveChunks(moves);
                if (store.getFileStore() == null || store.getFileStore().size() >= size) {
                    break;
                }
            }
        } finally {
            log.info("Compacted the data file: {} rewrite steps (longest hold of the writers {} ms), {} move steps"
                    + " (longest {} ms)", rewrites[1], rewrites[0] / 1_000_000, moves[1], moves[0] / 1_000_000);
            store.setVersionsToKeep(versions);
            store.setRetentionTime(retention);
        }
    }

    /**
     * Rewrites sparse chunks step by step, at most one pass over the live data: each commit of a step rewrites the
     * B-tree pages above the moved ones, which leaves small chunks of their own, so on a small file the fill rate can
     * settle below the target and the steps would otherwise go on until the deadline.
     */
    private void rewriteSparseChunks(long deadline, long[] held) {
        long pass = store.getFileStore() == null ? 0 : store.getFileStore().size() * fill() / 100;
        for (long done = 0; done < pass && System.nanoTime() < deadline && fill() < FULL_FILL; done += FULL_STEP_BYTES) {
            if (!rewriteStep(FULL_FILL, FULL_STEP_BYTES, held)) {
                return;
            }
        }
    }

    /**
     * Moves every chunk behind the first free space towards the start of the file and cuts the end off, in one held
     * step: MVStore moves a limited amount by first copying those chunks to the end of the file, so moves in bounded
     * steps made the file larger (445 MB to 519 MB at 20,000 tasks) instead of shorter.
     */
    private void moveChunks(long[] held) {
        if (!(store.getFileStore() instanceof RandomAccessStore file)) {
            return;
        }
        //why: moving calls fsync; flushing the writes already made first keeps that wait out of the held step
        store.sync();
        noteHold(held, step(() -> file.compactMoveChunks(100, Long.MAX_VALUE / 4, store)));
    }

    private boolean rewriteStep(int targetFill, int bytes) {
        return rewriteStep(targetFill, bytes, new long[2]);
    }

    private boolean rewriteStep(int targetFill, int bytes, long[] held) {
        AtomicBoolean rewritten = new AtomicBoolean();
        return noteHold(held, step(() -> rewritten.set(store.compact(targetFill, bytes)))) && rewritten.get();
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

    /** One step with writers held; returns how long, or -1 when the store closed before it could run. */
    private long step(Runnable work) {
        long held = holder.holdingWriters(work);
        if (held >= 0) {
            longestStep.accumulateAndGet(held, Math::max);
            steps.incrementAndGet();
        }
        return held;
    }

    private int fill() {
        FileStore<?> file = store.getFileStore();
        return file == null ? 100 : file.getChunksFillRate();
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

    /** The longest time one step held writers, in nanoseconds, and how many steps ran. */
    long[] steps() {
        return new long[] {longestStep.get(), steps.get()};
    }

    /** Runs a step with no write and no change in progress, and commits what it changed before writers go on. */
    @FunctionalInterface
    interface Holder {
        /** Runs {@code work} and commits; returns how long writers were held, in nanoseconds, or -1 once closed. */
        long holdingWriters(Runnable work);
    }
}

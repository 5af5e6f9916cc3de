package io.taskvault.task;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What this process changed while a recount passed over the tasks, so the pass's count can be brought to the moment
 * it ends: every task a change began on, the facts it had before the first change and after the last, and the facts
 * the pass found for it.
 */
final class RecountWindow {

    private final long startWrites;
    private final Map<String, Touched> touched = new ConcurrentHashMap<>();
    private final AtomicLong loggedWrites = new AtomicLong();

    RecountWindow(long startWrites) {
        this.startWrites = startWrites;
    }

    long startWrites() {
        return startWrites;
    }

    /** How many counted writes (that moved the counters) this process made in the window. */
    long loggedWrites() {
        return loggedWrites.get();
    }

    boolean quiet() {
        return touched.isEmpty();
    }

    void touched(Collection<String> taskIds) {
        taskIds.forEach(id -> touched.putIfAbsent(id, new Touched()));
    }

    void countedWrite() {
        loggedWrites.incrementAndGet();
    }

    void logged(String taskId, CountedFacts before, CountedFacts after) {
        Touched task = touched.computeIfAbsent(taskId, id -> new Touched());
        synchronized (task) {
            if (!task.changed) {
                task.changed = true;
                task.firstBefore = before;
            }
            task.lastAfter = after;
            task.removed |= after == null;
        }
    }

    /** The pass found this task with these facts (kept only for tasks a change began on). */
    void passed(String taskId, CountedFacts facts) {
        Touched task = touched.get(taskId);
        if (task != null) {
            synchronized (task) {
                task.seen = facts;
                task.wasSeen = true;
            }
        }
    }

    /**
     * Brings a pass's count to the end of the window; false when it cannot tell what the pass counted of a task that
     * was removed in the window (the pass may have met it before or after it went).
     */
    boolean correct(StatisticsCalculator passed) {
        for (Touched task : touched.values()) {
            synchronized (task) {
                if (!task.changed) {
                    continue;
                }
                if (!task.wasSeen && task.removed) {
                    return false;
                }
                //why: unseen after the change began, the pass met the task before it (or before it existed)
                passed.remove(task.wasSeen ? task.seen : task.firstBefore);
                passed.add(task.lastAfter);
            }
        }
        return true;
    }

    private static final class Touched {
        private boolean changed;
        private boolean wasSeen;
        private boolean removed;
        private CountedFacts firstBefore;
        private CountedFacts lastAfter;
        private CountedFacts seen;
    }
}

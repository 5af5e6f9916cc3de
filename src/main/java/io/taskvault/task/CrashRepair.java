package io.taskvault.task;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.LinkedHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import io.taskvault.store.EmbeddedMongoServer;
import io.taskvault.store.IndexSetup;
import io.taskvault.store.ReplayedIds;
import io.taskvault.store.StoreInfo;
import io.taskvault.task.history.HistoryEvent;

/**
 * At start-up, finds every task whose last write a crash cut in two (an event stored but not projected, or a
 * CREATED event lost after its task was stored) and completes it: only the tasks the replayed log names when the
 * embedded store kept changes whole within checkpoints, otherwise every task. Reads by exact keys, a batch at a time.
 */
@Component
public class CrashRepair {

    private static final Logger log = LoggerFactory.getLogger(CrashRepair.class);
    private static final int BATCH = 500;

    private final TaskStore tasks;
    private final HistoryStore history;
    private final TaskWriter writer;
    private volatile Result lastResult = new Result(0, 0, Duration.ZERO);

    private final StoreInfo store;

    CrashRepair(TaskStore tasks, HistoryStore history, TaskWriter writer, IndexSetup indexes, StoreInfo store) {
        this.store = store;
        this.tasks = tasks;
        this.history = history;
        this.writer = writer;
    }

    //why: not an ApplicationRunner: Spring Shell's own runner backs off when any other runner exists
    @EventListener(ApplicationStartedEvent.class)
    @Order(0)
    public void onStart() {
        if (store.embeddedServer().map(EmbeddedMongoServer::openedAfterCleanShutdown).orElse(false)) {
            //why: a change is cut in two only by a process that dies mid-write; reads still roll forward any other
            log.info("The store was closed cleanly last time; no start-up repair scan needed");
            return;
        }
        Optional<ReplayedIds> named = store.embeddedServer().flatMap(EmbeddedMongoServer::idsOfCutChanges)
                .filter(ids -> ids.allNamed(Task.COLLECTION) && ids.allNamed(HistoryEvent.COLLECTION));
        lastResult = named.map(this::repairNamed).orElseGet(this::repairAll);
        if (lastResult.repaired() > 0) {
            log.warn("Completed {} task writes interrupted by a crash ({} tasks checked in {} ms)", lastResult.repaired(),
                    lastResult.checked(), lastResult.took().toMillis());
        }
    }

    /** Checks every task once; returns how many were repaired. */
    public Result repairAll() {
        long start = System.nanoTime();
        Query heads = new Query();
        heads.fields().include("_id", "version");
        Map<String, Long> batch = new LinkedHashMap<>();
        int[] counts = new int[2];
        tasks.stream(heads).forEach(head -> {
            batch.put(head.getString("_id"), ((Number) head.get("version")).longValue());
            counts[0]++;
            if (batch.size() == BATCH) {
                counts[1] += repair(batch);
                batch.clear();
            }
        });
        counts[1] += repair(batch);
        return new Result(counts[0], counts[1], Duration.ofNanos(System.nanoTime() - start));
    }

    /**
     * Checks only the tasks the replayed log names: the store kept each change's writes within one checkpoint, so
     * a change a crash cut in two has its first write in the log (a pass over every task took 27 s at 100,000).
     */
    Result repairNamed(ReplayedIds replayed) {
        long start = System.nanoTime();
        Set<String> ids = new HashSet<>();
        replayed.of(Task.COLLECTION).forEach(id -> ids.add(String.valueOf(id)));
        replayed.of(HistoryEvent.COLLECTION).forEach(id -> ids.add(HistoryEvent.taskIdOf(String.valueOf(id))));
        List<String> all = new ArrayList<>(ids);
        int repaired = 0;
        for (int from = 0; from < all.size(); from += BATCH) {
            Query heads = Query.query(Criteria.where("_id").in(all.subList(from, Math.min(all.size(), from + BATCH))));
            heads.fields().include("_id", "version");
            Map<String, Long> batch = new LinkedHashMap<>();
            tasks.stream(heads).forEach(head -> batch.put(head.getString("_id"), ((Number) head.get("version")).longValue()));
            repaired += repair(batch);
        }
        log.info("Checked the {} tasks the replayed log named ({} repaired)", all.size(), repaired);
        return new Result(all.size(), repaired, Duration.ofNanos(System.nanoTime() - start));
    }

    private int repair(Map<String, Long> heads) {
        if (heads.isEmpty()) {
            return 0;
        }
        List<String> ids = new ArrayList<>();
        heads.forEach((id, version) -> {
            ids.add(HistoryEvent.idOf(id, version));
            ids.add(HistoryEvent.idOf(id, version + 1));
        });
        Set<String> found = new HashSet<>(history.existing(ids));
        int repaired = 0;
        for (Map.Entry<String, Long> head : heads.entrySet()) {
            boolean headMissing = !found.contains(HistoryEvent.idOf(head.getKey(), head.getValue()));
            boolean pending = found.contains(HistoryEvent.idOf(head.getKey(), head.getValue() + 1));
            if (headMissing || pending) {
                writer.load(head.getKey());
                repaired++;
            }
        }
        return repaired;
    }

    public Result lastResult() {
        return lastResult;
    }

    /** How many tasks a repair pass checked and completed, and how long it took. */
    public record Result(int checked, int repaired, Duration took) {
    }
}

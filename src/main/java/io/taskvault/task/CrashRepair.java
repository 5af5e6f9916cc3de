package io.taskvault.task;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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

import io.taskvault.store.IndexSetup;
import io.taskvault.store.StoreSessions;
import io.taskvault.task.history.HistoryEvent;

/**
 * At start-up, finds every task whose last write a crash cut in two (an event stored but not projected, or a
 * CREATED event lost after its task was stored) and completes it. Only a process that ended without closing its
 * store session can have cut one, so only what was written since such a process began is checked: the tasks its
 * events name and the tasks it stored, both found by indexed queries on their times. Same code on both engines.
 */
@Component
public class CrashRepair {

    private static final Logger log = LoggerFactory.getLogger(CrashRepair.class);
    private static final int BATCH = 500;

    private final TaskStore tasks;
    private final HistoryStore history;
    private final TaskWriter writer;
    private final StoreSessions sessions;
    private volatile Result lastResult = new Result(0, 0, Duration.ZERO);

    CrashRepair(TaskStore tasks, HistoryStore history, TaskWriter writer, IndexSetup indexes, StoreSessions sessions) {
        this.tasks = tasks;
        this.history = history;
        this.writer = writer;
        this.sessions = sessions;
    }

    //why: not an ApplicationRunner: Spring Shell's own runner backs off when any other runner exists
    @EventListener(ApplicationStartedEvent.class)
    @Order(0)
    public void onStart() {
        List<StoreSessions.EndedSession> ended = sessions.endedUncleanly();
        if (ended.isEmpty()) {
            //why: a change is cut in two only by a process that dies mid-write; reads still roll forward any other
            log.info("Every earlier process closed its store session; no start-up repair needed");
            return;
        }
        lastResult = repairWrittenSince(ended.get(0).writesSince());
        ended.forEach(sessions::settled);
        if (lastResult.repaired() > 0) {
            log.warn("Completed {} task writes interrupted by a crash ({} tasks checked in {} ms)", lastResult.repaired(),
                    lastResult.checked(), lastResult.took().toMillis());
        } else {
            log.info("Checked the {} tasks written since the last unclean end of a process; none needed repair",
                    lastResult.checked());
        }
    }

    /** Checks every task once; returns how many were repaired. */
    public Result repairAll() {
        return repair(new Query());
    }

    /** Checks the tasks with an event dated {@code since} or later, and those changed since. */
    Result repairWrittenSince(Instant since) {
        long start = System.nanoTime();
        Set<String> ids = new LinkedHashSet<>();
        Query events = Query.query(Criteria.where("at").gte(since));
        events.fields().include("taskId");
        history.collection().find(events.getQueryObject()).projection(events.getFieldsObject())
                .forEach(event -> ids.add(event.getString("taskId")));
        Query changed = Query.query(Criteria.where("updatedAt").gte(since));
        changed.fields().include("_id");
        tasks.stream(changed).forEach(task -> ids.add(task.getString("_id")));
        List<String> all = new ArrayList<>(ids);
        int repaired = 0;
        for (int from = 0; from < all.size(); from += BATCH) {
            repaired += repair(Query.query(Criteria.where("_id").in(all.subList(from, Math.min(all.size(), from + BATCH)))))
                    .repaired();
        }
        return new Result(all.size(), repaired, Duration.ofNanos(System.nanoTime() - start));
    }

    private Result repair(Query which) {
        long start = System.nanoTime();
        Query heads = Query.of(which);
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

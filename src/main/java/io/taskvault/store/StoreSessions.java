package io.taskvault.store;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;

/**
 * Every process working on the store keeps a session document while it runs and removes it when it closes. A
 * session left behind belongs to a process that ended without closing, which may have cut a change in two: what
 * it wrote since it began is what start-up repair looks at. The same documents on both engines.
 */
@Component
public class StoreSessions {

    public static final String COLLECTION = "store_sessions";
    static final Duration BEAT = Duration.ofSeconds(30);
    //why: whether another process is alive is a matter of the machines' own time, never of the application's
    //     clock (tests move it by hours; an instance on a moved clock would take every live one for ended)
    private static final Clock WALL = Clock.systemUTC();
    private static final Logger log = LoggerFactory.getLogger(StoreSessions.class);

    private final MongoCollection<Document> sessions;
    private final StoreInfo store;
    private final String id = UUID.randomUUID().toString();

    StoreSessions(MongoTemplate mongo, StoreInfo store, Clock clock) {
        this.sessions = mongo.getCollection(COLLECTION);
        this.store = store;
        //why: startedAt on the application's clock, the one every stored change is dated by; seenAt on the wall clock.
        //    The session is opened while the context starts, before the first task is written (at ApplicationStarted)
        sessions.insertOne(new Document("_id", id).append("startedAt", Date.from(clock.instant()))
                .append("seenAt", Date.from(WALL.instant())).append("process", ManagementFactory.getRuntimeMXBean().getName())
                .append("schemaVersion", 1));
    }

    /**
     * Sessions of processes that ended without closing, earliest first: where this process holds the store alone,
     * every other one; on a shared store those not seen for three beats.
     */
    public List<EndedSession> endedUncleanly() {
        Date stale = Date.from(WALL.instant().minus(BEAT.multipliedBy(3)));
        List<EndedSession> ended = new ArrayList<>();
        sessions.find(store.heldByThisProcessAlone() ? Filters.ne("_id", id)
                        : Filters.and(Filters.ne("_id", id), Filters.lt("seenAt", stale)))
                .sort(Sorts.ascending("startedAt"))
                .forEach(d -> ended.add(new EndedSession(d.getString("_id"),
                        d.getDate("startedAt").toInstant())));
        return ended;
    }

    /** Forgets a session whose changes were all checked. */
    public void settled(EndedSession session) {
        sessions.deleteOne(Filters.eq("_id", session.id()));
    }

    @Scheduled(initialDelayString = "30s", fixedDelayString = "30s")
    void beat() {
        sessions.updateOne(Filters.eq("_id", id), Updates.set("seenAt", Date.from(WALL.instant())));
    }

    @PreDestroy
    void close() {
        try {
            //why: bounded: when the store has already gone (a halted embedded server) there is nothing to tell
            sessions.withTimeout(2, TimeUnit.SECONDS).deleteOne(Filters.eq("_id", id));
        } catch (RuntimeException e) {
            log.warn("Could not close this process's store session; the next start-up checks its writes: {}",
                    e.getMessage());
        }
    }

    /** A process's session, and the earliest time its changes may carry. */
    public record EndedSession(String id, Instant writesSince) {
    }
}

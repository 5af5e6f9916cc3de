package io.taskvault.store;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.bson.BsonDocument;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

import com.mongodb.MongoCommandException;
import com.mongodb.MongoException;
import com.mongodb.client.MongoChangeStreamCursor;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.changestream.ChangeStreamDocument;

/**
 * Feeds {@link StoreChanges} from the database's change stream, where the store does not report every write itself
 * (MongoDB): so writes by other processes on the same store reach this process's dashboard and caches too. Follows
 * on the {@code changeStreamFollower} scheduler; after the stream stops it resumes there a second later.
 */
@Component
public class ChangeStreamFeed implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ChangeStreamFeed.class);
    private static final int NOT_A_REPLICA_SET = 40573;
    //why: the collections whose counters the application compares; one stream each, as every engine serves them
    private static final List<String> FOLLOWED = List.of("tasks", "task_history", "task_edges", "task_archive");
    //why: the streams are polled in turn, so one quiet stream holds the others back at most this long
    private static final Duration AWAIT = Duration.ofMillis(200);
    private static final Duration RESUME_AFTER = Duration.ofSeconds(1);

    private final MongoDatabaseFactory databases;
    private final StoreChanges changes;
    private final boolean needed;
    private final TaskScheduler follower;
    private final Map<String, BsonDocument> resumeAfter = new ConcurrentHashMap<>();
    private volatile boolean running;
    private volatile boolean following;
    private volatile boolean served;
    private volatile CountDownLatch followed = new CountDownLatch(0);
    private volatile ScheduledFuture<?> next;

    @Autowired
    ChangeStreamFeed(MongoDatabaseFactory databases, StoreChanges changes, StoreInfo store,
                     @Qualifier("changeStreamFollower") TaskScheduler follower) {
        this(databases, changes, !store.reportsEveryWrite(), follower);
    }

    ChangeStreamFeed(MongoDatabaseFactory databases, StoreChanges changes, boolean needed, TaskScheduler follower) {
        this.databases = databases;
        this.changes = changes;
        this.needed = needed;
        this.follower = follower;
    }

    @Override
    public void start() {
        running = true;
        if (needed) {
            following = true;
            followAt(follower.getClock().instant());
        }
    }

    private void followAt(Instant when) {
        CountDownLatch done = new CountDownLatch(1);
        followed = done;
        try {
            next = follower.schedule(() -> {
                try {
                    follow();
                } finally {
                    done.countDown();
                }
            }, when);
        } catch (TaskRejectedException shuttingDown) {
            done.countDown();
            following = false;
        }
    }

    /** Follows every stream until stopped; after the stream stops, schedules itself again instead of waiting. */
    private void follow() {
        if (!running) {
            following = false;
            return;
        }
        MongoDatabase database = databases.getMongoDatabase();
        Map<String, MongoChangeStreamCursor<ChangeStreamDocument<Document>>> cursors = new LinkedHashMap<>();
        try {
            for (String collection : FOLLOWED) {
                cursors.put(collection, open(database.getCollection(collection), resumeAfter.get(collection)));
            }
            served = true;
            while (running) {
                for (Map.Entry<String, MongoChangeStreamCursor<ChangeStreamDocument<Document>>> cursor
                        : cursors.entrySet()) {
                    if (cursor.getValue().tryNext() != null) {
                        changes.written(cursor.getKey());
                    }
                    if (cursor.getValue().getResumeToken() != null) {
                        resumeAfter.put(cursor.getKey(), cursor.getValue().getResumeToken());
                    }
                }
            }
            following = false;
        } catch (MongoCommandException e) {
            //why: a standalone MongoDB (or a store attached through another process) serves no change stream
            if (!served || e.getErrorCode() == NOT_A_REPLICA_SET) {
                log.warn("The store serves no change stream ({}); pages and statistics see this process's writes "
                        + "at once and other processes' only when they next read", e.getErrorMessage());
                following = false;
                return;
            }
            resumeLater(e);
        } catch (MongoException | IllegalStateException e) {
            resumeLater(e);
        } finally {
            cursors.values().forEach(MongoChangeStreamCursor::close);
        }
    }

    private static MongoChangeStreamCursor<ChangeStreamDocument<Document>> open(MongoCollection<Document> collection,
                                                                                BsonDocument resumeAfter) {
        var stream = collection.watch().maxAwaitTime(AWAIT.toMillis(), TimeUnit.MILLISECONDS);
        return (resumeAfter == null ? stream : stream.resumeAfter(resumeAfter)).cursor();
    }

    //why: a stepped-down primary or a lost connection ends the stream; it resumes where it stopped
    private void resumeLater(RuntimeException e) {
        if (!running) {
            following = false;
            return;
        }
        log.info("The change stream stopped ({}); resuming", e.getMessage());
        //why: a tick counts every write missed meanwhile as one change, so no page stays stale
        FOLLOWED.forEach(changes::written);
        followAt(follower.getClock().instant().plus(RESUME_AFTER));
    }

    @Override
    public void stop() {
        running = false;
        ScheduledFuture<?> resume = next;
        if (resume != null && resume.cancel(false)) {
            followed.countDown();
            following = false;
        }
        try {
            //why: the loop sees the flag within one await of the streams (200 ms each)
            followed.await(3, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether the stream is followed (false once the store turned out to serve none, or once stopped). */
    boolean following() {
        return following;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}

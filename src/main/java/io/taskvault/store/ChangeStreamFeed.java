package io.taskvault.store;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.bson.BsonDocument;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.stereotype.Component;

import com.mongodb.MongoCommandException;
import com.mongodb.MongoException;
import com.mongodb.client.MongoChangeStreamCursor;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.changestream.ChangeStreamDocument;

/**
 * Feeds {@link StoreChanges} from the database's change stream, where the store does not report every write itself
 * (MongoDB): so writes by other processes on the same store reach this process's dashboard and caches too.
 */
@Component
public class ChangeStreamFeed implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ChangeStreamFeed.class);
    private static final int NOT_A_REPLICA_SET = 40573;
    //why: the collections whose counters the application compares; one stream each, as every engine serves them
    private static final List<String> FOLLOWED = List.of("tasks", "task_history", "task_edges", "task_archive");
    //why: the streams are polled in turn, so one quiet stream holds the others back at most this long
    private static final Duration AWAIT = Duration.ofMillis(200);

    private final MongoDatabaseFactory databases;
    private final StoreChanges changes;
    private final boolean needed;
    private volatile Thread follower;
    private volatile boolean running;

    @Autowired
    ChangeStreamFeed(MongoDatabaseFactory databases, StoreChanges changes, StoreInfo store) {
        this(databases, changes, !store.reportsEveryWrite());
    }

    ChangeStreamFeed(MongoDatabaseFactory databases, StoreChanges changes, boolean needed) {
        this.databases = databases;
        this.changes = changes;
        this.needed = needed;
    }

    @Override
    public void start() {
        running = true;
        if (!needed) {
            return;
        }
        Thread thread = new Thread(this::follow, "taskvault-change-stream");
        thread.setDaemon(true);
        follower = thread;
        thread.start();
    }

    private void follow() {
        MongoDatabase database = databases.getMongoDatabase();
        Map<String, BsonDocument> resumeAfter = new HashMap<>();
        boolean served = false;
        while (running) {
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
            } catch (MongoCommandException e) {
                //why: a standalone MongoDB (or a store attached through another process) serves no change stream
                if (!served || e.getErrorCode() == NOT_A_REPLICA_SET) {
                    log.warn("The store serves no change stream ({}); pages and statistics see this process's writes "
                            + "at once and other processes' only when they next read", e.getErrorMessage());
                    return;
                }
                pauseAfter(e);
            } catch (MongoException | IllegalStateException e) {
                if (!running) {
                    return;
                }
                pauseAfter(e);
            } finally {
                cursors.values().forEach(MongoChangeStreamCursor::close);
            }
        }
    }

    private static MongoChangeStreamCursor<ChangeStreamDocument<Document>> open(MongoCollection<Document> collection,
                                                                                BsonDocument resumeAfter) {
        var stream = collection.watch().maxAwaitTime(AWAIT.toMillis(), TimeUnit.MILLISECONDS);
        return (resumeAfter == null ? stream : stream.resumeAfter(resumeAfter)).cursor();
    }

    //why: a stepped-down primary or a lost connection ends the stream; it resumes where it stopped
    private void pauseAfter(RuntimeException e) {
        log.info("The change stream stopped ({}); resuming", e.getMessage());
        //why: a tick counts every write missed meanwhile as one change, so no page stays stale
        FOLLOWED.forEach(changes::written);
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void stop() {
        running = false;
        Thread thread = follower;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(3_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Whether the stream is followed (false once the store turned out to serve none). */
    boolean following() {
        Thread thread = follower;
        return thread != null && thread.isAlive();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}

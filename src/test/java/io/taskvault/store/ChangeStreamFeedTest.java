package io.taskvault.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.SimpleMongoClientDatabaseFactory;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

import io.taskvault.support.BesideTheSequence;

/** Writes another client makes reach the change feed through the store's change stream (as on MongoDB). */
@BesideTheSequence
class ChangeStreamFeedTest {

    private MongoServer server;
    private MongoClient ours;
    private MongoClient theirs;
    private ChangeStreamFeed feed;
    private final StoreChanges changes = new StoreChanges();
    private final ThreadPoolTaskScheduler follower = new ThreadPoolTaskScheduler();

    @BeforeEach
    void start() {
        follower.initialize();
        server = new MongoServer(H2Backend.inMemory());
        //why: the server serves change streams from its oplog, as a replica set does
        server.enableOplog();
        String uri = "mongodb://" + server.bind().getHostString() + ":" + server.getLocalAddress().getPort();
        ours = MongoClients.create(uri);
        theirs = MongoClients.create(uri);
        feed = new ChangeStreamFeed(new SimpleMongoClientDatabaseFactory(ours, "taskvault"), changes, true, follower);
        feed.start();
    }

    @AfterEach
    void stop() {
        feed.stop();
        ours.close();
        theirs.close();
        server.shutdownNow();
        follower.shutdown();
    }

    @Test
    void countsEveryWriteOfAnotherClientPerCollection() {
        var tasks = theirs.getDatabase("taskvault").getCollection("tasks");
        await().atMost(Duration.ofSeconds(5)).until(() -> {
            //why: the stream starts at the first write after it opened, so writes go on until one is counted
            tasks.insertOne(new Document("title", "warm-up"));
            return changes.version("tasks") > 0;
        });
        long before = changes.version("tasks");

        tasks.insertOne(new Document("_id", "t1").append("title", "new"));
        tasks.updateOne(Filters.eq("_id", "t1"), Updates.set("title", "renamed"));
        tasks.deleteOne(Filters.eq("_id", "t1"));

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(changes.version("tasks")).isGreaterThanOrEqualTo(before + 3));
        assertThat(changes.version("task_history")).isZero();
    }

    @Test
    void givesUpWhereTheStoreServesNoChangeStream() {
        MongoServer plain = new MongoServer(H2Backend.inMemory());
        try (MongoClient client = MongoClients.create("mongodb://" + plain.bind().getHostString() + ":"
                + plain.getLocalAddress().getPort())) {
            //why: the feed started before each test keeps the shared follower's one thread for its loop
            ThreadPoolTaskScheduler ownFollower = new ThreadPoolTaskScheduler();
            ownFollower.initialize();
            ChangeStreamFeed unserved = new ChangeStreamFeed(new SimpleMongoClientDatabaseFactory(client, "taskvault"),
                    changes, true, ownFollower);
            unserved.start();

            await().atMost(Duration.ofSeconds(5)).until(() -> !unserved.following());
            unserved.stop();
            ownFollower.shutdown();
        } finally {
            plain.shutdownNow();
        }
    }
}

package io.taskvault.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.TaskScheduler;

import io.micrometer.core.instrument.MeterRegistry;
import io.taskvault.support.EmbeddedStoreTest;

/** The store's background work runs on Spring's schedulers: beans, seen by the metrics, beside Boot's own. */
@EmbeddedStoreTest
class StoreSchedulersTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    MeterRegistry meters;

    @Autowired
    StoreInfo store;

    @Autowired
    MongoTemplate mongo;

    @Test
    void checkpointsRunOnTheStoreCheckpointerWhichTheMetricsShowBesideBootsScheduler() {
        EmbeddedMongoServer server = store.embeddedServer().orElseThrow();
        long before = server.committer().commits();

        mongo.getCollection("scheduler_probe").insertOne(new org.bson.Document("_id", "one"));

        await().atMost(Duration.ofSeconds(30)).until(() -> server.committer().commits() > before);
        assertThat(meters.find("executor.pool.size").tag("name", "storeCheckpointer").gauge()).isNotNull();
        assertThat(meters.find("executor.pool.size").tag("name", "changeStreamFollower").gauge()).isNotNull();
        assertThat(context.getBean("taskScheduler", TaskScheduler.class))
                .as("Boot's scheduler for @Scheduled jobs").isNotSameAs(context.getBean("storeCheckpointer"));
    }
}

package io.taskvault.system.health;

import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import io.taskvault.store.StoreInfo;

/** Health "store": the store answers a ping; the embedded engine also reports its data file's size. */
@Component("store")
class StoreHealthIndicator extends AbstractHealthIndicator {

    private final MongoTemplate mongo;
    private final StoreInfo store;

    StoreHealthIndicator(MongoTemplate mongo, StoreInfo store) {
        super("The store did not answer");
        this.mongo = mongo;
        this.store = store;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        mongo.getDb().runCommand(new Document("ping", 1));
        builder.up().withDetail("engine", store.engine()).withDetail("database", mongo.getDb().getName());
        store.embeddedServer().ifPresent(server -> builder.withDetail("dataFileBytes", server.fileSize()));
    }
}

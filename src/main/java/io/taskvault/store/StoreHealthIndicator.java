package io.taskvault.store;

import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;


/** Health "store": the store answers a ping; a store with a data file of its own also reports its size. */
@Component("store")
public class StoreHealthIndicator extends AbstractHealthIndicator {

    private final MongoTemplate mongo;
    private final StoreInfo store;

    public StoreHealthIndicator(MongoTemplate mongo, StoreInfo store) {
        super("The store did not answer");
        this.mongo = mongo;
        this.store = store;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        mongo.getDb().runCommand(new Document("ping", 1));
        builder.up().withDetail("engine", store.engine()).withDetail("database", mongo.getDb().getName());
        store.dataFileBytes().ifPresent(bytes -> builder.withDetail("dataFileBytes", bytes));
    }
}

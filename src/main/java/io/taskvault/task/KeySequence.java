package io.taskvault.task;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** Hands out the short human keys (TV-1, TV-2, …) from a counter document, atomically across processes. */
@Component
class KeySequence {

    static final String COLLECTION = "counters";

    private final MongoTemplate mongo;
    private final TaskProperties properties;

    KeySequence(MongoTemplate mongo, TaskProperties properties) {
        this.mongo = mongo;
        this.properties = properties;
    }

    String next() {
        Document counter = mongo.findAndModify(Query.query(Criteria.where("_id").is("taskKey")),
                new Update().inc("value", 1L), FindAndModifyOptions.options().upsert(true).returnNew(true),
                Document.class, COLLECTION);
        return properties.keyPrefix() + "-" + ((Number) counter.get("value")).longValue();
    }

    long last() {
        Document counter = mongo.getCollection(COLLECTION).find(new Document("_id", "taskKey")).first();
        return counter == null ? 0 : ((Number) counter.get("value")).longValue();
    }

    String prefix() {
        return properties.keyPrefix();
    }
}

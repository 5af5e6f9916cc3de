package io.taskvault.task;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;

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
        //why: the collection's own call; the template's query and update mapping cost a create more than the engine's work.
        //    The projection makes an embedded engine older than its update fix copy its answer (a one-shot command may
        //    attach to a taskvault started from an older jar)
        Document counter = mongo.getCollection(COLLECTION).findOneAndUpdate(Filters.eq("_id", "taskKey"),
                Updates.inc("value", 1L), new FindOneAndUpdateOptions().upsert(true).projection(Projections.include("value"))
                        .returnDocument(ReturnDocument.AFTER));
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

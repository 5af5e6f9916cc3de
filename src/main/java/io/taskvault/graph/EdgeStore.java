package io.taskvault.graph;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import com.mongodb.client.model.Filters;

import io.taskvault.store.StoreChanges;

/** The {@code task_edges} collection, read whole once and then by exact keys only. */
@Component
class EdgeStore {

    private final MongoTemplate mongo;
    private final StoreChanges changes;

    EdgeStore(MongoTemplate mongo, StoreChanges changes) {
        this.mongo = mongo;
        this.changes = changes;
    }

    List<TaskEdge> all() {
        List<TaskEdge> edges = new ArrayList<>();
        mongo.getCollection(TaskEdge.COLLECTION).find().batchSize(5_000).forEach(d -> edges.add(read(d)));
        return edges;
    }

    List<TaskEdge> byIds(Collection<String> ids) {
        List<TaskEdge> edges = new ArrayList<>();
        if (!ids.isEmpty()) {
            mongo.getCollection(TaskEdge.COLLECTION).find(Filters.in("_id", ids)).forEach(d -> edges.add(read(d)));
        }
        return edges;
    }

    void insert(TaskEdge edge) {
        mongo.insert(edge, TaskEdge.COLLECTION);
    }

    void delete(String id) {
        mongo.getCollection(TaskEdge.COLLECTION).deleteOne(Filters.eq("_id", id));
    }

    /** Bumped by every committed write to the edges, from any process sharing the embedded store. */
    long version() {
        return changes.version(TaskEdge.COLLECTION);
    }

    private TaskEdge read(Document document) {
        return mongo.getConverter().read(TaskEdge.class, document);
    }
}

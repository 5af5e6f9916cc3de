package io.taskvault.store;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import com.mongodb.MongoCommandException;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;

/**
 * Creates the named indexes at start-up, the same on both engines (the embedded one serves equality, {@code $in},
 * ranges, sorts and counts from them too); only the text index is MongoDB's alone.
 */
@Component
public class IndexSetup {

    private static final Logger log = LoggerFactory.getLogger(IndexSetup.class);

    private final MongoTemplate mongo;
    private final EngineCapabilities engine;

    IndexSetup(MongoTemplate mongo, EngineCapabilities engine) {
        this.mongo = mongo;
        this.engine = engine;
        create();
    }

    /** Creates the index, replacing an older definition under the same name. */
    private void recreateIfChanged(String collection, String name, IndexModel index) {
        try {
            mongo.getCollection(collection).createIndexes(List.of(index));
        } catch (MongoCommandException e) {
            log.info("Index {} on {} changed definition; recreating it ({})", name, collection, e.getErrorMessage());
            mongo.getCollection(collection).dropIndex(name);
            mongo.getCollection(collection).createIndexes(List.of(index));
        }
    }

    /** Drops indexes an earlier release created and wider ones now replace (one listing of the collection's indexes). */
    private void dropIfPresent(String collection, String... names) {
        List<String> present = mongo.getCollection(collection).listIndexes()
                .map(index -> index.getString("name")).into(new java.util.ArrayList<>());
        for (String name : names) {
            if (present.contains(name)) {
                log.info("Dropping index {} on {}: a wider index replaces it", name, collection);
                mongo.getCollection(collection).dropIndex(name);
            }
        }
    }

    private void create() {
        dropIfPresent("tasks", "role_state", "provider_state");
        //why: sparse, so tasks still waiting for their schema upgrade (no key yet) do not collide on key: null
        recreateIfChanged("tasks", "key", new IndexModel(Indexes.ascending("key"),
                new IndexOptions().name("key").unique(true).sparse(true)));
        mongo.getCollection("tasks").createIndexes(List.of(
                new IndexModel(Indexes.ascending("externalId"), new IndexOptions().name("externalId").unique(true).sparse(true)),
                //why: optimistic updates filter on exactly {_id, version}; the embedded engine scans without this
                new IndexModel(Indexes.ascending("_id", "version"), new IndexOptions().name("_id_version").unique(true))));
        //why: an archived task is found by its key too; without this every archive move scanned the whole archive
        mongo.getCollection("task_archive").createIndex(Indexes.ascending("key"),
                new IndexOptions().name("key").unique(true).sparse(true));
        mongo.getCollection("task_archive").createIndex(Indexes.descending("archivedAt"),
                new IndexOptions().name("archivedAt"));
        mongo.getCollection("tasks").createIndexes(List.of(
                new IndexModel(Indexes.compoundIndex(Indexes.ascending("state"), Indexes.descending("updatedAt")),
                        new IndexOptions().name("state_updatedAt")),
                //why: a list of some states by creation (the dashboard's "created" order) skips to its page on the
                //    index; without it the engine read and sorted every task in those states (at 1,000,000: 900,000)
                new IndexModel(Indexes.compoundIndex(Indexes.ascending("state"), Indexes.descending("createdAt")),
                        new IndexOptions().name("state_createdAt")),
                new IndexModel(Indexes.ascending("tags"), new IndexOptions().name("tags")),
                //why: the list's usual page (a role or provider, some states, newest change first) is read in index
                //    order, one segment per state merged, so a page reads only its own entries
                new IndexModel(Indexes.compoundIndex(Indexes.ascending("role", "state"), Indexes.descending("updatedAt")),
                        new IndexOptions().name("role_state_updatedAt")),
                new IndexModel(Indexes.compoundIndex(Indexes.ascending("provider", "state"),
                        Indexes.descending("updatedAt")), new IndexOptions().name("provider_state_updatedAt")),
                //why: the pipeline's grouping keys; with the state after them a story's count per state is read off
                //    the index alone, and a change that keeps the state leaves the entry as it is
                new IndexModel(Indexes.ascending("storyId", "state"), new IndexOptions().name("storyId_state")),
                new IndexModel(Indexes.ascending("epicId", "state"), new IndexOptions().name("epicId_state")),
                new IndexModel(Indexes.ascending("persona", "state"), new IndexOptions().name("persona_state")),
                new IndexModel(Indexes.descending("updatedAt"), new IndexOptions().name("updatedAt")),
                new IndexModel(Indexes.descending("createdAt"), new IndexOptions().name("createdAt"))));
        if (engine.textIndexes()) {
            mongo.getCollection("tasks").createIndex(Indexes.compoundIndex(Indexes.text("title"),
                    Indexes.text("description")), new IndexOptions().name("title_description_text"));
        }
        mongo.getCollection("task_history").createIndex(Indexes.ascending("taskId", "seq"),
                new IndexOptions().name("taskId_seq").unique(true));
        mongo.getCollection("task_history").createIndex(Indexes.descending("at"), new IndexOptions().name("at"));
        mongo.getCollection("task_outputs").createIndex(Indexes.ascending("taskId", "seq"),
                new IndexOptions().name("taskId_seq").unique(true));
        log.info("Secondary indexes ensured on {}", mongo.getDb().getName());
    }
}

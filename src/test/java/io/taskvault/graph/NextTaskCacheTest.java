package io.taskvault.graph;

import static io.taskvault.support.TaskDrafts.aTask;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

import io.taskvault.recovery.OpsTest;
import io.taskvault.store.StoreChanges;
import io.taskvault.support.TaskDrafts;
import io.taskvault.task.Priority;
import io.taskvault.task.Task;
import io.taskvault.task.TaskService;

/**
 * The next-task ranking is served from the cache per filter until the store reports a write, from this process or
 * another. The clock (and with it the caches' one-second expiry) stands still here, so only the change feed can make
 * a read fresh.
 */
@OpsTest
class NextTaskCacheTest {

    @Autowired
    TaskService tasks;
    @Autowired
    DependencyGraph graph;
    @Autowired
    NextTaskPicker picker;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    StoreChanges changes;

    private final String role = "role-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void aRepeatedRankingIsServedFromTheCachePerFilter() {
        create(aTask().withTags("api"));

        NextTask first = picker.next(role, null, null);

        assertThat(picker.next(role, null, null)).as("the cached ranking, not a new one").isSameAs(first);
        assertThat(picker.next(role, null, Set.of("ui"))).as("the tags are part of the key").isNotSameAs(first)
                .extracting(NextTask::found).isEqualTo(false);
        assertThat(picker.next(role, "nobody", null).found()).as("so is the provider").isFalse();
    }

    @Test
    void writesThroughTheServiceMakeTheNextRankingFresh() {
        Task medium = create(aTask().withPriority(Priority.MEDIUM));
        assertThat(picker.next(role, null, null).task().getKey()).isEqualTo(medium.getKey());

        Task high = create(aTask().withPriority(Priority.HIGH));
        assertThat(picker.next(role, null, null).task().getKey()).isEqualTo(high.getKey());

        graph.addEdge(medium.getKey(), EdgeType.BLOCKS, high.getKey(), "test");
        assertThat(picker.next(role, null, null).task().getKey()).as("an edge is a write too").isEqualTo(medium.getKey());
    }

    @Test
    void aWriteByAnotherProcessReportedByTheChangeFeedMakesTheNextRankingFresh() {
        Task medium = create(aTask().withPriority(Priority.MEDIUM));
        Task high = create(aTask().withPriority(Priority.HIGH));
        assertThat(picker.next(role, null, null).task().getKey()).isEqualTo(high.getKey());
        Document stored = mongo.getCollection(Task.COLLECTION).find(Filters.eq("_id", high.getId())).first();
        long seen = changes.version();
        try {
            //why: straight through the driver, as another process would write: only the store's feed reports it
            mongo.getCollection(Task.COLLECTION).updateOne(Filters.eq("_id", high.getId()),
                    Updates.set("role", "elsewhere"));
            assertThat(changes.version()).isGreaterThan(seen);

            assertThat(picker.next(role, null, null).task().getKey()).isEqualTo(medium.getKey());
        } finally {
            mongo.getCollection(Task.COLLECTION).replaceOne(Filters.eq("_id", high.getId()), stored);
        }
    }

    private Task create(TaskDrafts draft) {
        return tasks.create(draft.withRole(role).build(), "test");
    }
}

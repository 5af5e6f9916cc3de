package io.taskvault.store;

import static io.taskvault.support.TaskDrafts.aTask;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import de.bwaldvogel.mongo.bson.Document;
import io.taskvault.story.Grouping;
import io.taskvault.story.StoryService;
import io.taskvault.support.EmbeddedStoreTest;
import io.taskvault.task.TaskQuery;
import io.taskvault.task.TaskService;
import io.taskvault.task.TaskState;

/**
 * On the embedded store, the story, epic and persona filters are read through their own indexes, and a roll-up's
 * count per state is answered by the index alone (no document read).
 */
@EmbeddedStoreTest
class StoryIndexesTest {

    @Autowired
    EmbeddedStore store;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    TaskService tasks;
    @Autowired
    StoryService stories;

    private IndexedH2Collection taskCollection() {
        return EngineCollections.tasks(store, mongo);
    }

    //why: the filter as the driver sends a list's criteria: each condition an $in inside one $and
    private static Document filter(String field, String value, TaskState state) {
        List<Document> parts = new java.util.ArrayList<>(List.of(new Document(field, new Document("$in", List.of(value)))));
        if (state != null) {
            parts.add(new Document("state", new Document("$in", List.of(state.name()))));
        }
        return new Document("$and", parts);
    }

    @Test
    void eachGroupingKeyIsPlannedOnItsOwnIndexAndCountedFromItAlone() {
        Document newestFirst = new Document("updatedAt", -1).append("_id", -1);
        for (String field : List.of("storyId", "epicId", "persona")) {
            assertThat(taskCollection().planFor(filter(field, "X", null), newestFirst))
                    .hasValueSatisfying(plan -> assertThat(plan.index().getName()).isEqualTo(field + "_state"));
            assertThat(taskCollection().planFor(filter(field, "X", TaskState.FAILED), null))
                    .hasValueSatisfying(plan -> {
                        assertThat(plan.index().getName()).isEqualTo(field + "_state");
                        assertThat(plan.exact()).as("the index alone decides the count").isTrue();
                    });
        }
    }

    @Test
    void aRollUpAndAStoryListAreServedByTheIndexes() {
        String story = "INDEXED-" + System.nanoTime();
        for (int i = 0; i < 3; i++) {
            tasks.create(aTask().inStory(story).build(), "test");
        }
        long[] before = taskCollection().indexedReadsAndCounts();

        stories.rollUp(Grouping.STORY, story);
        assertThat(tasks.list(TaskQuery.all().withGroups(Set.of(story), null, null)).total()).isEqualTo(3);

        long[] after = taskCollection().indexedReadsAndCounts();
        assertThat(after[1] - before[1]).as("counts answered from an index").isGreaterThanOrEqualTo(TaskState.values().length);
        assertThat(after[0] - before[0]).as("reads served by an index").isGreaterThanOrEqualTo(3);
    }
}

package io.taskvault.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import de.bwaldvogel.mongo.bson.Document;
import io.taskvault.support.EmbeddedStoreTest;

/**
 * The list's usual page (a role or a provider, some states, newest change first) is read in the index's order on the
 * embedded store, so a page of 50 reads 50 entries however many tasks match.
 */
@EmbeddedStoreTest
class ListPageIndexTest {

    @Autowired
    EmbeddedStore store;
    @Autowired
    MongoTemplate mongo;

    private IndexedH2Collection taskCollection() {
        return EngineCollections.tasks(store, mongo);
    }

    private static Document filter(String field, String value, List<String> states) {
        return new Document("$and", List.of(new Document(field, new Document("$in", List.of(value))),
                new Document("state", new Document("$in", states))));
    }

    @Test
    void aRoleOrProviderPageNewestFirstFollowsItsIndexInOrder() {
        Document newestFirst = new Document("updatedAt", -1).append("_id", -1);
        for (String field : List.of("role", "provider")) {
            assertThat(taskCollection().planFor(filter(field, "qa", List.of("PENDING", "RUNNING")), newestFirst))
                    .hasValueSatisfying(plan -> {
                        assertThat(plan.index().getName()).isEqualTo(field + "_state_updatedAt");
                        assertThat(plan.sortServed()).as("the order comes from the index").isTrue();
                        assertThat(plan.exact()).as("the index alone decides the match").isTrue();
                    });
        }
    }

    @Test
    void aPageOfSomeStatesByCreationSkipsToItsPageOnTheIndex() {
        Document newestFirst = new Document("createdAt", -1).append("_id", -1);
        Document states = new Document("$and", List.of(new Document("state",
                new Document("$in", List.of("PENDING", "RUNNING", "COMPLETED", "FAILED")))));
        assertThat(taskCollection().planFor(states, newestFirst)).hasValueSatisfying(plan -> {
            assertThat(plan.index().getName()).isEqualTo("state_createdAt");
            assertThat(plan.sortServed()).isTrue();
            assertThat(plan.exact()).as("skipped entries need no document read").isTrue();
        });
    }

    @Test
    void theLeaseRecoveryCandidatesAreRangesOfTheStateIndex() {
        Document running = new Document("state", "RUNNING");
        Document before = new Document("updatedAt", new Document("$lt", java.time.Instant.now()));
        Document undated = new Document("updatedAt", null);

        assertThat(taskCollection().planFor(new Document("$and", List.of(running, before)), new Document()))
                .hasValueSatisfying(plan -> {
                    assertThat(plan.index().getName()).isEqualTo("state_updatedAt");
                    assertThat(plan.exact()).as("the index alone decides the match").isTrue();
                });
        assertThat(taskCollection().planFor(new Document("$and", List.of(running, undated)), new Document()))
                .as("the undated ones: the index's null entries").hasValueSatisfying(plan -> {
                    assertThat(plan.index().getName()).isEqualTo("state_updatedAt");
                    assertThat(plan.exact()).isTrue();
                });
    }

    @Test
    void theNarrowerIndexesTheyReplaceAreGone() {
        List<String> names = new java.util.ArrayList<>();
        mongo.getCollection("tasks").listIndexes().forEach(index -> names.add(index.getString("name")));
        assertThat(names).contains("role_state_updatedAt", "provider_state_updatedAt")
                .doesNotContain("role_state", "provider_state");
    }
}

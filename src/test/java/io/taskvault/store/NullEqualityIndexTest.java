package io.taskvault.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;

import io.taskvault.support.EmbeddedStoreTest;

/**
 * {@code field: null} (null or missing) is answered from a non-sparse, non-multikey index's null entries, with the
 * same documents, order and counts as a scan of the same documents without the index.
 */
@EmbeddedStoreTest
class NullEqualityIndexTest {

    @Autowired
    EmbeddedStore store;
    @Autowired
    MongoTemplate mongo;

    @Test
    void nullOrMissingIsReadFromTheIndexWithTheAnswerOfAScan() {
        MongoCollection<Document> scanned = filled("nulls_scanned", false);
        MongoCollection<Document> indexed = filled("nulls_indexed", true);

        List<Bson> filters = List.of(Filters.and(Filters.eq("state", "RUNNING"), Filters.eq("updatedAt", null)),
                Filters.and(Filters.in("state", "RUNNING", "PENDING"), Filters.eq("updatedAt", null)),
                Filters.eq("state", null), Filters.and(Filters.eq("state", null), Filters.eq("updatedAt", null)),
                Filters.eq("tags", null), Filters.and(Filters.eq("state", "RUNNING"), Filters.eq("tags", null)));
        for (Bson filter : filters) {
            for (Bson sort : List.of(Sorts.ascending("_id"), Sorts.descending("updatedAt", "_id"))) {
                assertThat(ids(indexed, filter, sort)).as("%s sorted %s", filter, sort)
                        .isNotEmpty().isEqualTo(ids(scanned, filter, sort));
            }
            assertThat(indexed.countDocuments(filter)).as("count of %s", filter).isEqualTo(scanned.countDocuments(filter));
        }
        IndexedH2Collection engine = (IndexedH2Collection) store.server().orElseThrow().backend()
                .resolveDatabase(mongo.getDb().getName()).resolveCollection("nulls_indexed", false);
        de.bwaldvogel.mongo.bson.Document runningUndated = new de.bwaldvogel.mongo.bson.Document("$and", List.of(
                new de.bwaldvogel.mongo.bson.Document("state", "RUNNING"), new de.bwaldvogel.mongo.bson.Document("updatedAt", null)));
        assertThat(engine.planFor(runningUndated, new de.bwaldvogel.mongo.bson.Document())).hasValueSatisfying(plan -> {
            assertThat(plan.index().getName()).isEqualTo("state_updatedAt");
            assertThat(plan.exact()).as("the null entries are exactly the null or missing values").isTrue();
        });
        assertThat(engine.planFor(new de.bwaldvogel.mongo.bson.Document("tags", null), new de.bwaldvogel.mongo.bson.Document()))
                .as("tags holds arrays: an array holding null matches too, so no plan on that multikey index")
                .isEmpty();
    }

    @Test
    void aRangeBoundOfNullMatchesNullOrMissingAsMongoDbDoesWithTheIndexAndWithout() {
        MongoCollection<Document> scanned = filled("bounds_scanned", false);
        MongoCollection<Document> indexed = filled("bounds_indexed", true);
        Bson sort = Sorts.descending("updatedAt", "_id");
        List<Object> nullOrMissing = ids(scanned, Filters.and(Filters.eq("state", "RUNNING"), Filters.eq("updatedAt", null)), sort);
        assertThat(nullOrMissing).isNotEmpty();
        Date late = new Date(1_800_000_000_000L);

        for (Bson bound : List.of(Filters.gte("updatedAt", null), Filters.lte("updatedAt", null))) {
            Bson filter = Filters.and(Filters.eq("state", "RUNNING"), bound);
            for (MongoCollection<Document> collection : List.of(indexed, scanned)) {
                assertThat(ids(collection, filter, sort)).as("%s in %s", filter, collection.getNamespace())
                        .isEqualTo(nullOrMissing);
                assertThat(collection.countDocuments(filter)).as("count of %s", filter).isEqualTo(nullOrMissing.size());
            }
        }
        for (Bson bound : List.of(Filters.gt("updatedAt", null), Filters.lt("updatedAt", null),
                Filters.and(Filters.gt("updatedAt", null), Filters.lte("updatedAt", late)))) {
            Bson filter = Filters.and(Filters.eq("state", "RUNNING"), bound);
            for (MongoCollection<Document> collection : List.of(indexed, scanned)) {
                assertThat(ids(collection, filter, sort)).as("%s in %s", filter, collection.getNamespace()).isEmpty();
                assertThat(collection.countDocuments(filter)).as("count of %s", filter).isZero();
            }
        }
    }

    /** A new collection holding {@link #documents()}, with the state and tags indexes made first when asked. */
    private MongoCollection<Document> filled(String name, boolean withIndexes) {
        mongo.getDb().getCollection(name).drop();
        MongoCollection<Document> collection = mongo.getDb().getCollection(name);
        if (withIndexes) {
            collection.createIndex(Indexes.compoundIndex(Indexes.ascending("state"), Indexes.descending("updatedAt")),
                    new IndexOptions().name("state_updatedAt"));
            collection.createIndex(Indexes.ascending("tags"), new IndexOptions().name("tags"));
        }
        collection.insertMany(documents());
        return collection;
    }

    private static List<Document> documents() {
        List<Document> documents = new ArrayList<>();
        String[] states = {"RUNNING", "PENDING", null};
        for (int i = 0; i < 60; i++) {
            Document document = new Document("_id", "d" + i);
            if (i % 7 != 0) {
                document.put("state", states[i % 3]);
            }
            switch (i % 4) {
                case 0 -> document.put("updatedAt", null);
                case 1 -> document.put("updatedAt", new Date(1_700_000_000_000L + i * 60_000L));
                case 2 -> document.put("updatedAt", "not a date");
                default -> { }
            }
            switch (i % 5) {
                case 0 -> document.put("tags", List.of("a", "b"));
                case 1 -> document.put("tags", java.util.Arrays.asList("a", null));
                case 2 -> document.put("tags", null);
                default -> { }
            }
            documents.add(document);
        }
        return documents;
    }

    private static List<Object> ids(MongoCollection<Document> collection, Bson filter, Bson sort) {
        return collection.find(filter).sort(sort).map(document -> document.get("_id")).into(new ArrayList<>());
    }
}

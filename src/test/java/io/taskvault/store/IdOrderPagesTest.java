package io.taskvault.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Random;

import org.bson.BsonType;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;

import io.taskvault.support.EmbeddedStoreTest;

/**
 * A page of a pass in {@code _id} order is read from the collection's own map, and answers as the engine's general
 * path does: the same documents in the same order for string bounds, skips, limits and other conditions beside them,
 * with ids of other types in the collection; and a pass page by page meets every string id once, in order.
 */
@EmbeddedStoreTest
class IdOrderPagesTest {

    @Autowired
    EmbeddedStore store;
    @Autowired
    MongoTemplate mongo;

    @Test
    void pagesInIdOrderAnswerAsTheGeneralPathDoes() {
        MongoCollection<Document> docs = mongo.getCollection("id_order_pages");
        docs.drop();
        Random random = new Random(42);
        List<String> alphabet = List.of("a", "b", "0", "1", "f", "é", "\uE000", "\uD83D\uDE00", "-", ":");
        List<Document> written = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            Object id = switch (i % 10) {
                case 0 -> i;
                case 1 -> new ObjectId();
                case 2 -> (long) i * 7;
                default -> word(random, alphabet) + "~" + i;
            };
            written.add(new Document("_id", id).append("k", random.nextInt(4)));
        }
        docs.insertMany(written);
        IndexedH2Collection engine = (IndexedH2Collection) store.server().orElseThrow().backend()
                .resolveDatabase(mongo.getDb().getName()).resolveCollection("id_order_pages", false);
        long readsBefore = engine.indexedReadsAndCounts()[0];

        for (int round = 0; round < 300; round++) {
            Bson filter = Filters.and(bounds(random, alphabet));
            if (random.nextBoolean()) {
                filter = Filters.and(filter, Filters.eq("k", random.nextInt(4)));
            }
            int skip = random.nextInt(3) == 0 ? random.nextInt(30) : 0;
            int limit = 1 + random.nextInt(60);
            List<Document> paged = docs.find(filter).sort(Sorts.ascending("_id")).skip(skip).limit(limit)
                    .into(new ArrayList<>());
            //why: a second sort key makes it a shape the pages do not answer; _id is unique, so the order is the same
            List<Document> general = docs.find(filter).sort(Sorts.ascending("_id", "k")).skip(skip).limit(limit)
                    .into(new ArrayList<>());
            assertThat(paged).as("%s skip %d limit %d", filter.toBsonDocument(), skip, limit).isEqualTo(general);
        }
        assertThat(engine.indexedReadsAndCounts()[0] - readsBefore).as("pages read from the map").isEqualTo(300);

        List<Object> passed = new ArrayList<>();
        String last = "";
        for (List<Document> page; !(page = docs.find(Filters.gt("_id", last)).sort(Sorts.ascending("_id")).limit(97)
                .into(new ArrayList<>())).isEmpty(); last = page.get(page.size() - 1).getString("_id")) {
            page.forEach(document -> passed.add(document.get("_id")));
        }
        List<Object> strings = written.stream().map(document -> document.get("_id")).filter(String.class::isInstance)
                .sorted().toList();
        assertThat(passed).isEqualTo(strings);
    }

    @Test
    void idsOfOtherTypesAreReadFromTheMapAsTheGeneralPathFindsThem() {
        MongoCollection<Document> docs = mongo.getCollection("id_other_types");
        docs.drop();
        List<Document> written = new ArrayList<>();
        for (int i = 0; i < 700; i++) {
            Object id = switch (i % 7) {
                case 0 -> i;
                case 1 -> new ObjectId();
                case 2 -> 1_000_000L + i;
                case 3 -> i + 0.5;
                case 4 -> new Date(1_700_000_000_000L + i);
                default -> "s" + i;
            };
            written.add(new Document("_id", id).append("k", i % 3));
        }
        written.add(new Document("_id", true).append("k", 0));
        docs.insertMany(written);
        IndexedH2Collection engine = (IndexedH2Collection) store.server().orElseThrow().backend()
                .resolveDatabase(mongo.getDb().getName()).resolveCollection("id_other_types", false);
        Bson others = Filters.not(Filters.type("_id", BsonType.STRING));
        long readsBefore = engine.indexedReadsAndCounts()[0];

        List<Document> fromMap = docs.find(others).into(new ArrayList<>());
        List<Document> limited = docs.find(others).skip(40).limit(25).into(new ArrayList<>());

        assertThat(engine.indexedReadsAndCounts()[0] - readsBefore).as("reads from the map").isEqualTo(2);
        //why: a second condition makes it a shape the map does not answer, so the engine scans
        List<Document> scanned = docs.find(Filters.and(others, Filters.exists("k"))).into(new ArrayList<>());
        assertThat(fromMap).isEqualTo(scanned).hasSize(501);
        assertThat(limited).isEqualTo(scanned.subList(40, 65));

        MongoCollection<Document> noStrings = mongo.getCollection("id_no_strings");
        noStrings.drop();
        noStrings.insertMany(written.stream().filter(document -> !(document.get("_id") instanceof String)).toList());
        assertThat(noStrings.find(others).into(new ArrayList<>())).isEqualTo(scanned);
    }

    private static List<Bson> bounds(Random random, List<String> alphabet) {
        List<Bson> bounds = new ArrayList<>();
        switch (random.nextInt(4)) {
            case 0 -> bounds.add(Filters.gt("_id", word(random, alphabet)));
            case 1 -> bounds.add(Filters.gte("_id", word(random, alphabet)));
            case 2 -> bounds.add(Filters.lt("_id", word(random, alphabet)));
            default -> {
                bounds.add(Filters.gte("_id", word(random, alphabet)));
                bounds.add(Filters.lte("_id", word(random, alphabet)));
            }
        }
        return bounds;
    }

    private static String word(Random random, List<String> alphabet) {
        StringBuilder word = new StringBuilder();
        for (int i = random.nextInt(3); i >= 0; i--) {
            word.append(alphabet.get(random.nextInt(alphabet.size())));
        }
        return word.toString();
    }
}

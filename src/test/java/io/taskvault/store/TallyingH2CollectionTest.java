package io.taskvault.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;

import io.taskvault.support.BesideTheSequence;

/**
 * The embedded store's own collection class: its per-collection tally of schema versions agrees with the documents
 * through every kind of write, and opening a stored index does not read every document.
 */
@BesideTheSequence
class TallyingH2CollectionTest {

    @TempDir
    Path folder;

    @Test
    void followsInsertsUpdatesReplacementsAndDeletes() {
        try (EmbeddedMongoServer server = new EmbeddedMongoServer(slowCheckpoints("writes.mv"), (c, ids) -> { });
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> docs = client.getDatabase("crash").getCollection("docs");
            writeMixedVersions(docs);

            assertThat(server.schemaVersions("crash", "docs")).isEqualTo(Map.of(1, 2L, 2, 1L, 3, 2L))
                    .isEqualTo(countedByScan(docs));
            assertThat(server.schemaVersions("crash", "absent")).isEmpty();
        }
    }

    @Test
    void comesBackWithTheWritesAProcessKilledBeforeItsCheckpointLeftInTheLog() {
        StoreProperties properties = slowCheckpoints("killed.mv");
        EmbeddedMongoServer killed = new EmbeddedMongoServer(properties, (c, ids) -> { });
        try (MongoClient client = MongoClients.create(killed.connectionString())) {
            MongoCollection<Document> docs = client.getDatabase("crash").getCollection("docs");
            docs.insertOne(new Document("_id", "early").append("schemaVersion", 2));
            assertThat(killed.schemaVersions("crash", "docs")).isEqualTo(Map.of(2, 1L));
            writeMixedVersions(docs);
        }
        killed.haltAbruptly();

        try (EmbeddedMongoServer reopened = new EmbeddedMongoServer(properties, (c, ids) -> { });
             MongoClient client = MongoClients.create(reopened.connectionString())) {
            MongoCollection<Document> docs = client.getDatabase("crash").getCollection("docs");
            assertThat(reopened.replayedWrites()).isPositive();
            assertThat(reopened.schemaVersions("crash", "docs")).isEqualTo(Map.of(1, 2L, 2, 2L, 3, 2L))
                    .isEqualTo(countedByScan(docs));
        }
    }

    @Test
    void countsOnceWhatAnEarlierVersionWroteWithoutATally() {
        StoreProperties properties = slowCheckpoints("untallied.mv");
        try (EmbeddedMongoServer server = new EmbeddedMongoServer(properties, (c, ids) -> { });
             MongoClient client = MongoClients.create(server.connectionString())) {
            writeMixedVersions(client.getDatabase("crash").getCollection("docs"));
        }
        forgetTally(properties.path(), "meta.crash.docs");

        try (EmbeddedMongoServer server = new EmbeddedMongoServer(properties, (c, ids) -> { });
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> docs = client.getDatabase("crash").getCollection("docs");
            docs.insertOne(new Document("_id", "before-the-count").append("schemaVersion", 3));
            assertThat(server.schemaVersions("crash", "docs")).isEqualTo(Map.of(1, 2L, 2, 1L, 3, 3L));
            docs.deleteOne(Filters.eq("_id", "before-the-count"));
            assertThat(server.schemaVersions("crash", "docs")).isEqualTo(countedByScan(docs));
        }
    }

    @Test
    void opensAStoredIndexThatNoDocumentIsInWithoutReadingEveryDocument() {
        StoreProperties properties = slowCheckpoints("sparse.mv");
        try (EmbeddedMongoServer server = new EmbeddedMongoServer(properties, (c, ids) -> { });
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> docs = client.getDatabase("crash").getCollection("docs");
            writeMixedVersions(docs);
            docs.createIndex(Indexes.ascending("externalId"), new IndexOptions().name("externalId").unique(true).sparse(true));
        }

        try (EmbeddedMongoServer reopened = new EmbeddedMongoServer(properties, (c, ids) -> { });
             MongoClient client = MongoClients.create(reopened.connectionString())) {
            TallyingH2Collection opened = (TallyingH2Collection) reopened.backend().resolveDatabase("crash")
                    .resolveCollection("docs", true);
            assertThat(opened.passesOverEveryDocument()).as("passes over every document while opening").isZero();

            MongoCollection<Document> docs = client.getDatabase("crash").getCollection("docs");
            docs.insertOne(new Document("_id", "with-id").append("externalId", "EXT-1"));
            assertThatThrownBy(() -> docs.insertOne(new Document("_id", "same-id").append("externalId", "EXT-1")))
                    .isInstanceOfSatisfying(MongoWriteException.class,
                            e -> assertThat(e.getError().getCategory()).isEqualTo(ErrorCategory.DUPLICATE_KEY));
            assertThat(docs.find(Filters.eq("externalId", "EXT-1")).first()).containsEntry("_id", "with-id");

            docs.createIndex(Indexes.ascending("schemaVersion", "_id"), new IndexOptions().name("new").unique(true));
            assertThat(opened.passesOverEveryDocument()).as("an index created later is filled from the documents")
                    .isPositive();
        }
    }

    @Test
    void ensuringAnIndexThatExistsWithNoEntriesReadsNoDocument() {
        StoreProperties properties = slowCheckpoints("ensured.mv");
        try (EmbeddedMongoServer server = new EmbeddedMongoServer(properties, (c, ids) -> { });
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> docs = client.getDatabase("crash").getCollection("docs");
            docs.insertOne(new Document("_id", "untagged-1").append("tags", List.of()));
            docs.insertOne(new Document("_id", "untagged-2").append("tags", List.of()));
            docs.createIndex(Indexes.ascending("tags"), new IndexOptions().name("tags"));
        }

        try (EmbeddedMongoServer reopened = new EmbeddedMongoServer(properties, (c, ids) -> { });
             MongoClient client = MongoClients.create(reopened.connectionString())) {
            MongoCollection<Document> docs = client.getDatabase("crash").getCollection("docs");
            TallyingH2Collection opened = (TallyingH2Collection) reopened.backend().resolveDatabase("crash")
                    .resolveCollection("docs", true);

            //why: start-up ensures every index it needs; one already there must not cost a pass over the documents
            docs.createIndex(Indexes.ascending("tags"), new IndexOptions().name("tags"));

            assertThat(opened.passesOverEveryDocument()).isZero();
            docs.insertOne(new Document("_id", "tagged").append("tags", List.of("db")));
            assertThat(docs.find(Filters.eq("tags", "db")).into(new ArrayList<>()))
                    .singleElement().satisfies(found -> assertThat(found).containsEntry("_id", "tagged"));
        }
    }

    @Test
    void handsOutEveryDocumentAsTheDriverReadsIt() {
        try (EmbeddedMongoServer server = new EmbeddedMongoServer(slowCheckpoints("snapshot.mv"), (c, ids) -> { });
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> docs = client.getDatabase("crash").getCollection("docs");
            writeMixedVersions(docs);
            docs.updateOne(Filters.eq("_id", "b"), Updates.set("when", new java.util.Date(1_700_000_000_000L)));
            java.util.List<Document> read = new java.util.ArrayList<>();

            server.forEachDocument("crash", "docs", d -> true, bson -> read.add(new org.bson.RawBsonDocument(bson)
                    .decode(client.getDatabase("crash").getCodecRegistry().get(Document.class))));

            assertThat(read).containsExactlyInAnyOrderElementsOf(docs.find().into(new ArrayList<>()));
            java.util.List<byte[]> none = new java.util.ArrayList<>();
            server.forEachDocument("crash", "absent", d -> true, none::add);
            assertThat(none).isEmpty();
            java.util.List<Document> versionOne = new java.util.ArrayList<>();
            server.forEachDocument("crash", "docs", d -> Integer.valueOf(1).equals(d.get("schemaVersion")),
                    bson -> versionOne.add(new org.bson.RawBsonDocument(bson)
                            .decode(client.getDatabase("crash").getCodecRegistry().get(Document.class))));
            assertThat(versionOne).isNotEmpty()
                    .containsExactlyInAnyOrderElementsOf(docs.find(Filters.eq("schemaVersion", 1)).into(new ArrayList<>()));
        }
    }

    @Test
    void announcesWritesButNotAggregationsThatOnlyRead() {
        java.util.List<String> announced = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (EmbeddedMongoServer server = new EmbeddedMongoServer(slowCheckpoints("announced.mv"),
                (collection, ids) -> announced.add(collection + " " + ids));
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> docs = client.getDatabase("crash").getCollection("docs");
            docs.insertOne(new Document("_id", "a").append("n", 1));
            announced.clear();

            assertThat(docs.countDocuments(Filters.eq("n", 1))).isEqualTo(1);
            docs.aggregate(java.util.List.of(com.mongodb.client.model.Aggregates.match(Filters.eq("n", 1))))
                    .into(new ArrayList<>());
            docs.createIndex(Indexes.ascending("n"), new IndexOptions().unique(true));
            docs.aggregate(java.util.List.of(com.mongodb.client.model.Aggregates.match(Filters.eq("n", 1)),
                    com.mongodb.client.model.Aggregates.out("copies"))).toCollection();

            assertThat(announced).containsExactly("docs []", "docs null");
        }
    }

    /** Ends with versions {1: 2, 2: 1, 3: 2}; every kind of write the engine has changes a version on the way. */
    private static void writeMixedVersions(MongoCollection<Document> docs) {
        docs.insertOne(new Document("_id", "unversioned"));
        docs.insertMany(java.util.List.of(new Document("_id", "a").append("schemaVersion", 1),
                new Document("_id", "b").append("schemaVersion", 1), new Document("_id", "c").append("schemaVersion", 2),
                new Document("_id", "d").append("schemaVersion", 2)));
        docs.updateOne(Filters.eq("_id", "a"), Updates.set("schemaVersion", 3));
        docs.replaceOne(Filters.eq("_id", "c"), new Document("schemaVersion", 3).append("shape", "new"));
        docs.findOneAndUpdate(Filters.eq("_id", "upserted"), Updates.set("schemaVersion", 2),
                new FindOneAndUpdateOptions().upsert(true));
        docs.replaceOne(Filters.eq("_id", "gone"), new Document("schemaVersion", 1), new ReplaceOptions().upsert(true));
        docs.deleteOne(Filters.eq("_id", "gone"));
        docs.findOneAndDelete(Filters.eq("_id", "d"));
    }

    private static Map<Integer, Long> countedByScan(MongoCollection<Document> docs) {
        Map<Integer, Long> versions = new TreeMap<>();
        docs.find().forEach(d -> versions.merge(d.get("schemaVersion") instanceof Number n ? n.intValue() : 1, 1L,
                Long::sum));
        return versions;
    }

    private StoreProperties slowCheckpoints(String file) {
        return new StoreProperties(folder.resolve(file), "127.0.0.1", 0, 32, false, "crash", Duration.ofSeconds(30),
                Duration.ofHours(1), false, StoreProperties.Compression.FAST);
    }

    //why: as a file written before taskvault kept a tally looks: documents, and no counts beside them
    private static void forgetTally(Path data, String metaMap) {
        MVStore store = MVStore.open(data.toString());
        try {
            MVMap<String, Object> meta = store.openMap(metaMap);
            meta.keySet().stream().filter(k -> k.startsWith("taskvault.")).toList().forEach(meta::remove);
            store.commit();
        } finally {
            store.close();
        }
    }
}

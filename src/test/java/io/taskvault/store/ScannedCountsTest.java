package io.taskvault.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;

/**
 * A count no index answers (a word search) is matched against every document once, then kept exact by the writes
 * that follow, whatever their kind.
 */
class ScannedCountsTest {

    private static final Bson WORD = Filters.or(Filters.regex("title", Pattern.compile(Pattern.quote("module"),
            Pattern.CASE_INSENSITIVE)), Filters.regex("key", Pattern.compile(Pattern.quote("module"), Pattern.CASE_INSENSITIVE)));

    @TempDir
    Path folder;

    @Test
    void answersARepeatedWordCountFromMemoryAndKeepsItExactThroughEveryKindOfWrite() {
        try (EmbeddedMongoServer server = new EmbeddedMongoServer(properties(), (c, ids) -> { });
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> docs = client.getDatabase("counts").getCollection("docs");
            for (int i = 0; i < 30; i++) {
                docs.insertOne(new Document("_id", "t" + i).append("title", i % 3 == 0 ? "Refactor the MODULE " + i : "Task " + i));
            }
            IndexedH2Collection engine = collection(server);

            assertThat(docs.countDocuments(WORD)).isEqualTo(10);
            assertThat(engine.countsWithoutScan()).as("the first count matches every document").isZero();
            assertThat(docs.countDocuments(WORD)).isEqualTo(10);
            assertThat(engine.countsWithoutScan()).isEqualTo(1);

            List<Runnable> writes = List.of(
                    () -> docs.insertOne(new Document("_id", "new").append("title", "a module more")),
                    () -> docs.insertMany(List.of(new Document("_id", "n1").append("title", "module"),
                            new Document("_id", "n2").append("title", "other"))),
                    () -> docs.updateOne(Filters.eq("_id", "t0"), Updates.set("title", "no longer")),
                    () -> docs.updateOne(Filters.eq("_id", "t1"), Updates.set("title", "now a Module")),
                    () -> docs.updateMany(Filters.in("_id", "t3", "t6"), Updates.set("done", true)),
                    () -> docs.replaceOne(Filters.eq("_id", "t9"), new Document("key", "MODULE-9")),
                    () -> docs.replaceOne(Filters.eq("_id", "up"), new Document("title", "upserted module"),
                            new ReplaceOptions().upsert(true)),
                    () -> docs.findOneAndUpdate(Filters.eq("_id", "t12"), Updates.unset("title")),
                    () -> docs.findOneAndUpdate(Filters.eq("_id", "up2"), Updates.set("title", "module"),
                            new FindOneAndUpdateOptions().upsert(true)),
                    () -> docs.deleteOne(Filters.eq("_id", "t15")),
                    () -> docs.deleteMany(Filters.in("_id", "t18", "t2")),
                    () -> docs.findOneAndDelete(Filters.eq("_id", "t21")));
            long fromMemory = engine.countsWithoutScan();
            for (Runnable write : writes) {
                write.run();
                assertThat(docs.countDocuments(WORD)).isEqualTo(matchedOneByOne(docs));
                assertThat(engine.countsWithoutScan()).isEqualTo(++fromMemory);
            }
        }
    }

    @Test
    void scansEveryTimeAFilterWhoseAnswerDependsOnMoreThanTheDocument() {
        try (EmbeddedMongoServer server = new EmbeddedMongoServer(properties(), (c, ids) -> { });
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> docs = client.getDatabase("counts").getCollection("docs");
            docs.insertOne(new Document("_id", "a").append("n", 1).append("m", 1));
            Bson sameValues = Filters.expr(new Document("$eq", List.of("$n", "$m")));

            assertThat(docs.countDocuments(sameValues)).isEqualTo(1);
            assertThat(docs.countDocuments(sameValues)).isEqualTo(1);

            assertThat(collection(server).countsWithoutScan()).isZero();
        }
    }

    private static long matchedOneByOne(MongoCollection<Document> docs) {
        return docs.find().into(new ArrayList<>()).stream().filter(d -> Stream.of(d.getString("title"), d.getString("key"))
                .anyMatch(text -> text != null && text.toLowerCase(java.util.Locale.ROOT).contains("module"))).count();
    }

    private static IndexedH2Collection collection(EmbeddedMongoServer server) {
        return (IndexedH2Collection) server.backend().resolveDatabase("counts").resolveCollection("docs", false);
    }

    private StoreProperties properties() {
        return new StoreProperties(folder.resolve("counts.mv"), "127.0.0.1", 0, 32, false, "counts",
                Duration.ofSeconds(30), Duration.ofHours(1), false, StoreProperties.Compression.FAST);
    }
}

package io.taskvault.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;

import io.taskvault.support.BesideTheSequence;

/**
 * What a reader is handed is the document as one write left it, while other writers change it: a counter's
 * {@code findOneAndUpdate} answers every caller with its own value, and a read never sees half an update.
 */
@BesideTheSequence
class UpdatedDocumentsTest {

    private static final int THREADS = 8;

    @TempDir
    Path folder;

    @Test
    void aCounterIncrementedFromManyThreadsAnswersEachWithItsOwnValue() throws Exception {
        try (EmbeddedMongoServer server = new EmbeddedMongoServer(properties(), (c, ids) -> { });
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> counters = client.getDatabase("race").getCollection("counters");
            int perThread = 300;
            List<Long> answers = inParallel(() -> {
                List<Long> mine = new ArrayList<>();
                for (int i = 0; i < perThread; i++) {
                    Document counter = counters.findOneAndUpdate(Filters.eq("_id", "key"), Updates.inc("value", 1L),
                            new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
                    mine.add(counter.getLong("value"));
                }
                return mine;
            });

            assertThat(answers).hasSize(THREADS * perThread);
            assertThat(new HashSet<>(answers)).hasSize(THREADS * perThread);
            assertThat(counters.find(Filters.eq("_id", "key")).first().getLong("value")).isEqualTo(THREADS * perThread);
        }
    }

    @Test
    void aReadNeverSeesHalfAnUpdate() throws Exception {
        try (EmbeddedMongoServer server = new EmbeddedMongoServer(properties(), (c, ids) -> { });
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> docs = client.getDatabase("race").getCollection("docs");
            docs.insertOne(pair(0).append("_id", "one"));
            AtomicBoolean writing = new AtomicBoolean(true);
            ExecutorService readers = Executors.newFixedThreadPool(THREADS - 1);
            List<Future<Set<String>>> reads = new ArrayList<>();
            for (int t = 0; t < THREADS - 1; t++) {
                reads.add(readers.submit(() -> {
                    Set<String> torn = new HashSet<>();
                    while (writing.get()) {
                        Document read = docs.find(Filters.eq("_id", "one")).first();
                        if (!read.get("a").equals(read.get("b")) || read.containsKey("gone") == read.containsKey("here")) {
                            read.remove("pad");
                            torn.add(read.toJson());
                        }
                    }
                    return torn;
                }));
            }
            try {
                for (int i = 1; i <= 3_000; i++) {
                    docs.replaceOne(Filters.eq("_id", "one"), pair(i).append("_id", "one"));
                    docs.updateOne(Filters.eq("_id", "one"), Updates.combine(Updates.set("a", -i), Updates.set("b", -i),
                            Updates.unset(i % 2 == 0 ? "gone" : "here"), Updates.set(i % 2 == 0 ? "here" : "gone", i)));
                }
            } finally {
                writing.set(false);
            }
            Set<String> torn = new HashSet<>();
            for (Future<Set<String>> read : reads) {
                torn.addAll(read.get(60, TimeUnit.SECONDS));
            }
            readers.shutdown();

            assertThat(torn).isEmpty();
        }
    }

    private static Document pair(int value) {
        return new Document("a", value).append("b", value).append("gone", value).append("pad", "x".repeat(2_000));
    }

    private static List<Long> inParallel(Callable<List<Long>> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<List<Long>>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                futures.add(pool.submit(work));
            }
            List<Long> all = new ArrayList<>();
            for (Future<List<Long>> future : futures) {
                all.addAll(future.get(60, TimeUnit.SECONDS));
            }
            return all;
        } finally {
            pool.shutdown();
        }
    }

    private StoreProperties properties() {
        return new StoreProperties(folder.resolve("race.mv"), "127.0.0.1", 0, 32, false, "race", Duration.ofSeconds(30),
                Duration.ofHours(1), false, StoreProperties.Compression.FAST);
    }
}

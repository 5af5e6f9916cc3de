package io.taskvault.store;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.bson.Document;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;

/**
 * A child process for {@link EmbeddedStoreCrashTest}: opens the embedded store and writes from four threads until
 * it is killed, printing {@code ACK <id>} only after the store acknowledged each insert.
 */
public final class CrashWriter {

    private CrashWriter() {
    }

    public static void main(String[] args) throws Exception {
        Path path = Path.of(args[0]);
        String round = args[1];
        StoreProperties properties = new StoreProperties(path, "127.0.0.1", 0, 32, false, "crash", Duration.ofSeconds(30), Duration.ofSeconds(1), false,
                StoreProperties.Compression.FAST);
        EmbeddedMongoServer server = new EmbeddedMongoServer(properties, (collection, ids) -> { });
        MongoClient client = MongoClients.create(server.connectionString());
        MongoCollection<Document> docs = client.getDatabase("crash").getCollection("docs");
        docs.createIndex(Indexes.ascending("n"), new IndexOptions().unique(true).name("n"));
        System.out.println("READY");
        System.out.flush();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        for (int t = 0; t < 4; t++) {
            int thread = t;
            pool.submit(() -> {
                for (long i = 0; ; i++) {
                    String id = round + "-" + thread + "-" + i;
                    docs.insertOne(new Document("_id", id).append("n", id).append("payload", "x".repeat(200)));
                    if (i % 5 == 0) {
                        docs.updateOne(Filters.eq("_id", id), Updates.set("updated", true));
                    }
                    synchronized (System.out) {
                        System.out.println("ACK " + id);
                        System.out.flush();
                    }
                }
            });
        }
    }
}

package io.taskvault.store;

import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.bson.Document;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

/**
 * A child process for {@link IndexedQueryDifferentialTest}: inserts, updates (indexed fields included) and deletes
 * task-shaped documents from two threads until it is killed, printing {@code ACK} after each acknowledged write.
 */
public final class DifferentialWriter {

    private DifferentialWriter() {
    }

    public static void main(String[] args) {
        Path path = Path.of(args[0]);
        int existing = Integer.parseInt(args[1]);
        EmbeddedMongoServer server = new EmbeddedMongoServer(EmbeddedStoreCrashTest.properties(path), (c, ids) -> { });
        MongoClient client = MongoClients.create(server.connectionString());
        MongoCollection<Document> docs = client.getDatabase("diff").getCollection("indexed");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        for (int t = 0; t < 2; t++) {
            int thread = t;
            pool.submit(() -> {
                TaskShapedData shapes = new TaskShapedData(100 + thread);
                Random random = shapes.random();
                for (int i = 0; ; i++) {
                    int n = random.nextInt(existing);
                    Object id = n % 97 == 0 ? (Object) n : "t" + n;
                    switch (random.nextInt(5)) {
                        case 0 -> docs.insertOne(shapes.task(existing * (2 + thread) + i));
                        case 1 -> docs.deleteOne(Filters.eq("_id", id));
                        case 2 -> docs.updateOne(Filters.eq("_id", id), Updates.set("tags",
                                random.nextBoolean() ? java.util.List.of(shapes.oneOf(TaskShapedData.TAGS)) : shapes.oddValue()));
                        default -> docs.updateOne(Filters.eq("_id", id), Updates.combine(
                                Updates.set("state", shapes.oneOf(TaskShapedData.STATES)),
                                Updates.set("updatedAt", shapes.date())));
                    }
                    synchronized (System.out) {
                        System.out.println("ACK");
                        System.out.flush();
                    }
                }
            });
        }
    }
}

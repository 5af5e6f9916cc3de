package io.taskvault.bench;

import static io.taskvault.support.TaskDrafts.aTask;

import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.MongoChangeStreamCursor;
import com.mongodb.client.model.changestream.ChangeStreamDocument;

import de.bwaldvogel.mongo.MongoServer;
import io.taskvault.store.EmbeddedMongoServer;
import io.taskvault.store.StoreInfo;
import io.taskvault.task.TaskService;

/**
 * What mongo-java-server's oplog (which its change streams need) costs the embedded store: creates per second through
 * the service without and with it, and how long a change stream takes to deliver one write once the oplog holds
 * the writes of {@code creates} tasks. Usage: src/test/bench/run.sh OplogCostProbe [creates]
 */
public final class OplogCostProbe {

    private OplogCostProbe() {
    }

    public static void main(String[] args) throws Exception {
        int creates = Integer.parseInt(args.length > 0 ? args[0] : "3000");
        for (boolean oplog : new boolean[] {false, true}) {
            Path folder = Files.createTempDirectory(Path.of("target"), "bench-oplog-");
            try (ConfigurableApplicationContext app = PerformanceSuite.start(folder.resolve("taskvault.mv"))) {
                if (oplog) {
                    serverOf(app.getBean(StoreInfo.class).embeddedServer().orElseThrow()).enableOplog();
                }
                TaskService tasks = app.getBean(TaskService.class);
                for (int i = 0; i < 200; i++) {
                    tasks.create(aTask().build(), "warm-up");
                }
                long start = System.nanoTime();
                for (int i = 0; i < creates; i++) {
                    tasks.create(aTask().build(), "probe");
                }
                double seconds = PerformanceSuite.seconds(start);
                System.err.printf("OPLOG %s: %,d creates in %.1f s = %.0f/s, data file %,d MB%n", oplog ? "on " : "off",
                        creates, seconds, creates / seconds,
                        app.getBean(StoreInfo.class).dataFileBytes().orElse(0) >> 20);
                if (oplog) {
                    deliveryLatency(app, tasks);
                }
            }
        }
    }

    private static void deliveryLatency(ConfigurableApplicationContext app, TaskService tasks) {
        var collection = app.getBean(MongoTemplate.class).getCollection("tasks");
        System.err.printf("oplog holds %,d entries%n", app.getBean(MongoTemplate.class).getMongoDatabaseFactory()
                .getMongoDatabase("local").getCollection("oplog.rs").estimatedDocumentCount());
        try (MongoChangeStreamCursor<ChangeStreamDocument<Document>> cursor = collection.watch()
                .maxAwaitTime(100, TimeUnit.MILLISECONDS).cursor()) {
            for (int round = 0; round < 5; round++) {
                long start = System.nanoTime();
                tasks.create(aTask().build(), "probe");
                while (cursor.tryNext() == null) {
                    //why: polled until the write arrives
                }
                System.err.printf("change stream delivered a create after %.0f ms%n", (System.nanoTime() - start) / 1e6);
            }
        }
    }

    private static MongoServer serverOf(EmbeddedMongoServer embedded) throws ReflectiveOperationException {
        Field server = EmbeddedMongoServer.class.getDeclaredField("server");
        server.setAccessible(true);
        return (MongoServer) server.get(embedded);
    }
}

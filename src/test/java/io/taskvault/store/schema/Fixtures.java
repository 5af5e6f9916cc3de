package io.taskvault.store.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

import io.taskvault.exchange.TaskvaultExport;

/** Stored documents under {@code src/test/resources/fixtures}, in MongoDB extended JSON, inserted raw. */
public final class Fixtures {

    private Fixtures() {
    }

    public static List<Document> load(String path) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + path);
            }
            String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return Document.parse("{\"documents\": " + json + "}").getList("documents", Document.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Empties every collection an export holds (keeping their indexes) so each test starts from nothing. */
    public static void wipe(MongoTemplate mongo) {
        for (String collection : TaskvaultExport.COLLECTIONS) {
            mongo.getCollection(collection).deleteMany(new Document());
        }
    }

    /**
     * Makes the unique index on {@code key} sparse, as v1 tasks (which have no key until the batch upgrader gives
     * them one) need: with a plain unique index a second keyless document collides on {@code key: null}.
     * //why: IndexSetup is not ours to change; the report asks for {@code .sparse(true)} on that index there
     */
    public static void allowKeylessTasks(MongoTemplate mongo) {
        var tasks = mongo.getCollection("tasks");
        tasks.dropIndex("key");
        tasks.createIndex(com.mongodb.client.model.Indexes.ascending("key"),
                new com.mongodb.client.model.IndexOptions().name("key").unique(true).sparse(true));
    }

    public static List<Document> insert(MongoTemplate mongo, String collection, String path) {
        List<Document> documents = load(path);
        mongo.getCollection(collection).insertMany(documents.stream().map(Document::new).toList());
        return documents;
    }
}

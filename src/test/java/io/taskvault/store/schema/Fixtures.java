package io.taskvault.store.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

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

    public static List<Document> insert(MongoTemplate mongo, String collection, String path) {
        List<Document> documents = load(path);
        mongo.getCollection(collection).insertMany(documents.stream().map(Document::new).toList());
        return documents;
    }
}

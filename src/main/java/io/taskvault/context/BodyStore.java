package io.taskvault.context;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.stereotype.Component;

import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.gridfs.model.GridFSUploadOptions;

import io.taskvault.task.TaskProperties;

/** Large AI request/response bodies: inline up to the outputs' inline cap, GridFS bucket {@code context_bodies} beyond. */
@Component
class BodyStore {

    static final String BUCKET = "context_bodies";

    private final MongoDatabaseFactory databases;
    private final TaskProperties properties;

    BodyStore(MongoDatabaseFactory databases, TaskProperties properties) {
        this.databases = databases;
        this.properties = properties;
    }

    /** {@code body}: text, or a JSON object kept as one inline and as its JSON text in GridFS. */
    StoredBody store(String name, Object body) {
        if (body == null) {
            return StoredBody.NONE;
        }
        byte[] bytes = AiInteraction.text(body).getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= properties.outputInlineCap().toBytes()) {
            return new StoredBody(body, null, bytes.length);
        }
        String contentType = body instanceof String ? "text/plain; charset=utf-8" : "application/json";
        ObjectId id = bucket().uploadFromStream(name, new ByteArrayInputStream(bytes),
                new GridFSUploadOptions().metadata(new Document("contentType", contentType)));
        return new StoredBody(null, id.toHexString(), bytes.length);
    }

    InputStream open(String fileId) {
        return bucket().openDownloadStream(new ObjectId(fileId));
    }

    /** At most {@code maxChars} characters of the body, from the start. */
    String head(String fileId, int maxChars) {
        try (InputStream in = open(fileId)) {
            String text = new String(in.readNBytes(maxChars * 4), StandardCharsets.UTF_8);
            return text.length() > maxChars ? text.substring(0, maxChars) : text;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read context body " + fileId, e);
        }
    }

    /** Removes a stored body; one already gone is no error. */
    void delete(String fileId) {
        ObjectId id = new ObjectId(fileId);
        if (bucket().find(com.mongodb.client.model.Filters.eq("_id", id)).first() != null) {
            bucket().delete(id);
        }
    }

    private GridFSBucket bucket() {
        return GridFSBuckets.create(databases.getMongoDatabase(), BUCKET);
    }
}

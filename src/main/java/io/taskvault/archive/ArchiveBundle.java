package io.taskvault.archive;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;

import io.taskvault.task.RawTaskDocuments.Raw;

/**
 * A task's raw documents as one GZIP-compressed extended-JSON bundle. Extended JSON keeps every BSON type, so
 * the history read back hashes exactly as stored and its chain still verifies.
 */
public final class ArchiveBundle {

    public static final int SCHEMA_VERSION = 1;
    private static final JsonWriterSettings EXTENDED = JsonWriterSettings.builder().outputMode(JsonMode.EXTENDED).build();

    private ArchiveBundle() {
    }

    static byte[] pack(Raw raw) {
        Document bundle = new Document("schemaVersion", SCHEMA_VERSION).append("task", raw.task())
                .append("history", raw.history()).append("outputs", raw.outputs()).append("files", raw.files());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write(bundle.toJson(EXTENDED).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not compress the archive bundle", e);
        }
        return bytes.toByteArray();
    }

    @SuppressWarnings("unchecked")
    static Raw unpack(byte[] packed) {
        try (GZIPInputStream gzip = new GZIPInputStream(new ByteArrayInputStream(packed))) {
            Document bundle = Document.parse(new String(gzip.readAllBytes(), StandardCharsets.UTF_8));
            int version = bundle.getInteger("schemaVersion", 0);
            if (version != SCHEMA_VERSION) {
                throw new IllegalStateException("archive bundle schema " + version + " is not readable by this version ("
                        + SCHEMA_VERSION + ")");
            }
            return new Raw(bundle.get("task", Document.class), (List<Document>) bundle.get("history"),
                    (List<Document>) bundle.get("outputs"), (List<Document>) bundle.get("files"));
        } catch (IOException e) {
            throw new UncheckedIOException("The archive bundle is not valid GZIP", e);
        }
    }
}

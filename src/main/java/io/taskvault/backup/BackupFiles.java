package io.taskvault.backup;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import java.security.MessageDigest;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.apache.commons.codec.binary.Hex;
import org.apache.commons.codec.digest.DigestUtils;
import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;

import io.taskvault.backup.BackupInfo.CollectionFile;

/** A collection as a GZIP file of extended-JSON lines (every BSON type kept), the files' checksums, the manifest. */
final class BackupFiles {

    private static final JsonWriterSettings EXTENDED = JsonWriterSettings.builder().outputMode(JsonMode.EXTENDED).build();

    private BackupFiles() {
    }

    /** Writes the documents the source hands over; returns how many. */
    static long write(Path file, Consumer<Consumer<Document>> source) {
        long[] count = new long[1];
        try (OutputStream out = Files.newOutputStream(file);
             BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(new GZIPOutputStream(out), StandardCharsets.UTF_8))) {
            source.accept(document -> {
                try {
                    writer.write(document.toJson(EXTENDED));
                    writer.write('\n');
                    count[0]++;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file, e);
        }
        return count[0];
    }

    static long read(Path file, Consumer<Document> sink) {
        long count = 0;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                sink.accept(Document.parse(line));
                count++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file + ": " + e.getMessage(), e);
        }
        return count;
    }

    static String sha256(Path file) {
        MessageDigest digest = DigestUtils.getSha256Digest();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file, e);
        }
        return Hex.encodeHexString(digest.digest());
    }

    static void writeManifest(Path folder, BackupInfo info) {
        Document collections = new Document();
        info.collections().forEach((name, f) -> collections.append(name, new Document("file", f.file())
                .append("documents", f.documents()).append("sha256", f.sha256()).append("bytes", f.bytes())));
        Document manifest = new Document("formatVersion", 1).append("name", info.name())
                .append("createdAt", info.createdAt().toString()).append("engine", info.engine())
                .append("collections", collections);
        try {
            Files.writeString(folder.resolve(Backups.MANIFEST), manifest.toJson(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the manifest of " + folder, e);
        }
    }

    static BackupInfo readManifest(Path folder) {
        try {
            Document manifest = Document.parse(Files.readString(folder.resolve(Backups.MANIFEST), StandardCharsets.UTF_8));
            Map<String, CollectionFile> files = new LinkedHashMap<>();
            manifest.get("collections", Document.class).forEach((name, value) -> {
                Document f = (Document) value;
                files.put(name, new CollectionFile(f.getString("file"), ((Number) f.get("documents")).longValue(),
                        f.getString("sha256"), ((Number) f.get("bytes")).longValue()));
            });
            long bytes = files.values().stream().mapToLong(CollectionFile::bytes).sum();
            return new BackupInfo(folder.getFileName().toString(), Instant.parse(manifest.getString("createdAt")),
                    manifest.getString("engine"), files, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the manifest of " + folder, e);
        }
    }

    static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void delete(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            //why: a backup that cannot be removed now is retried at the next prune
            System.getLogger(BackupFiles.class.getName()).log(System.Logger.Level.WARNING, "Could not remove old backup " + folder + ": " + e.getMessage());
        }
    }
}

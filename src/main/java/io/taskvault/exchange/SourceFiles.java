package io.taskvault.exchange;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.bson.Document;
import org.bson.json.JsonParseException;

/** Reading the files of an import source: listing, and parsing JSON with a message that names the file. */
final class SourceFiles {

    private SourceFiles() {
    }

    static Path directory(String path, String what) {
        if (path == null || path.isBlank()) {
            throw new ImportSourceException("give the " + what + " directory to import");
        }
        Path dir = Path.of(path.trim());
        if (!Files.isDirectory(dir)) {
            throw new ImportSourceException(dir.toAbsolutePath() + " is not a directory; expected the " + what);
        }
        return dir;
    }

    /** Files directly in {@code dir} whose names end with {@code suffix}, sorted; none if dir is missing. */
    static List<Path> list(Path dir, String suffix) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> Files.isRegularFile(f) && f.getFileName().toString().endsWith(suffix)).sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Path> subdirectories(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file's JSON object; throws {@link BadFile} naming what is wrong with it. */
    static Document object(Path file) {
        return parse(read(file));
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BadFile("cannot be read: " + e.getMessage());
        }
    }

    static Document parse(String json) {
        String trimmed = json.strip();
        if (!trimmed.startsWith("{")) {
            throw new BadFile("is not a JSON object");
        }
        try {
            return Document.parse(trimmed);
        } catch (JsonParseException | org.bson.BsonInvalidOperationException e) {
            throw new BadFile("is not valid JSON: " + e.getMessage());
        }
    }

    /** A file (or line) that cannot be imported, with the reason. */
    static final class BadFile extends RuntimeException {
        BadFile(String reason) {
            super(reason);
        }
    }
}

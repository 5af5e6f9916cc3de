package io.taskvault.backup;

import java.time.Instant;
import java.util.Map;

/** One backup as its manifest describes it: when, and per collection how many documents and their file's SHA-256. */
public record BackupInfo(String name, Instant createdAt, String engine, Map<String, CollectionFile> collections,
                         long bytes) {

    /** One collection's compressed file in the backup. */
    public record CollectionFile(String file, long documents, String sha256, long bytes) {
    }

    public long documents() {
        return collections.values().stream().mapToLong(CollectionFile::documents).sum();
    }
}

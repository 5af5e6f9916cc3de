package io.taskvault.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import io.taskvault.archive.JobLocks;
import io.taskvault.backup.BackupInfo.CollectionFile;
import io.taskvault.store.StoreChanges;
import io.taskvault.store.StoreInfo;
import io.taskvault.task.Task;

/**
 * Backups of the whole store to a folder: every collection (GridFS included) as a compressed, checksummed file,
 * taken under the embedded store's exclusive lock so no write lands half-way through. Lists, verifies, restores.
 */
@Service
public class Backups {

    static final String MANIFEST = "manifest.json";
    //why: restoring a held job lock would block the jobs of the instance being restored into
    private static final List<String> SKIPPED = List.of("shedLock");
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);
    private static final Logger log = LoggerFactory.getLogger(Backups.class);

    private final MongoTemplate mongo;
    private final StoreInfo store;
    private final StoreChanges changes;
    private final BackupProperties properties;
    private final JobLocks locks;
    private final Clock clock;

    Backups(MongoTemplate mongo, StoreInfo store, StoreChanges changes, BackupProperties properties, JobLocks locks,
            Clock clock) {
        this.mongo = mongo;
        this.store = store;
        this.changes = changes;
        this.properties = properties;
        this.locks = locks;
        this.clock = clock;
    }

    @Scheduled(cron = "${taskvault.backup.cron:0 0 2 * * *}")
    public void scheduled() {
        locks.once("taskvault-backup", Duration.ofHours(2), Duration.ofMinutes(5), () -> {
            BackupInfo created = create();
            List<String> pruned = prune();
            log.info("Scheduled backup {} ({} documents); removed {} past the retention", created.name(),
                    created.documents(), pruned.size());
            return created;
        });
    }

    /** Writes a consistent snapshot of every collection. */
    public BackupInfo create() {
        Instant at = clock.instant();
        Path folder = properties.folder().resolve("taskvault-" + NAME.format(at));
        try {
            Files.createDirectories(properties.folder());
            Files.createDirectory(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create the backup folder " + folder + ": " + e.getMessage(), e);
        }
        Map<String, CollectionFile> files = store.embeddedServer()
                .map(server -> server.committer().exclusively(() -> dump(folder)))
                .orElseGet(() -> dump(folder));
        long bytes = files.values().stream().mapToLong(CollectionFile::bytes).sum();
        BackupInfo info = new BackupInfo(folder.getFileName().toString(), at, store.engine(), files, bytes);
        writeManifest(folder, info);
        return info;
    }

    private Map<String, CollectionFile> dump(Path folder) {
        Map<String, CollectionFile> files = new LinkedHashMap<>();
        for (String name : mongo.getCollectionNames().stream().sorted().toList()) {
            if (SKIPPED.contains(name) || name.startsWith("system.")) {
                continue;
            }
            Path file = folder.resolve(name + ".jsonl.gz");
            long count = BackupFiles.write(file, sink -> mongo.getCollection(name).find().forEach(sink::accept));
            files.put(name, new CollectionFile(file.getFileName().toString(), count, BackupFiles.sha256(file), size(file)));
        }
        return files;
    }

    /** Every backup in the folder, newest first. */
    public List<BackupInfo> list() {
        if (!Files.isDirectory(properties.folder())) {
            return List.of();
        }
        try (Stream<Path> folders = Files.list(properties.folder())) {
            return folders.filter(p -> Files.isRegularFile(p.resolve(MANIFEST))).map(Backups::readManifest)
                    .sorted(Comparator.comparing(BackupInfo::createdAt).reversed()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list " + properties.folder(), e);
        }
    }

    public Optional<BackupInfo> latest() {
        return list().stream().findFirst();
    }

    /** Checks every file against its checksum and document count; returns the problems found. */
    public List<String> verify(String name) {
        Path folder = folder(name);
        BackupInfo info = readManifest(folder);
        List<String> problems = new ArrayList<>();
        info.collections().forEach((collection, file) -> {
            Path path = folder.resolve(file.file());
            if (!Files.isRegularFile(path)) {
                problems.add(collection + ": file " + file.file() + " is missing");
                return;
            }
            String sha = BackupFiles.sha256(path);
            if (!sha.equals(file.sha256())) {
                problems.add(collection + ": checksum is " + sha + ", the manifest expects " + file.sha256());
                return;
            }
            long documents = BackupFiles.read(path, d -> { });
            if (documents != file.documents()) {
                problems.add(collection + ": holds " + documents + " documents, the manifest expects " + file.documents());
            }
        });
        return problems;
    }

    /** Restores a verified backup into an empty store; a non-empty store is replaced only when forced. */
    public BackupInfo restore(String name, boolean force) {
        Path folder = folder(name);
        List<String> problems = verify(name);
        if (!problems.isEmpty()) {
            throw new BackupRefusedException("Backup " + name + " is damaged, not restoring: " + String.join("; ", problems));
        }
        List<String> occupied = mongo.getCollectionNames().stream()
                .filter(c -> !SKIPPED.contains(c) && !c.startsWith("system.") && mongo.getCollection(c).countDocuments() > 0)
                .sorted().toList();
        if (!occupied.isEmpty() && !force) {
            throw new BackupRefusedException("The store is not empty (" + String.join(", ", occupied)
                    + " hold documents); restore into an empty store, or force it to replace everything");
        }
        occupied.forEach(c -> mongo.getCollection(c).deleteMany(new Document()));
        BackupInfo info = readManifest(folder);
        info.collections().forEach((collection, file) -> {
            List<Document> batch = new ArrayList<>();
            BackupFiles.read(folder.resolve(file.file()), document -> {
                batch.add(document);
                if (batch.size() == 500) {
                    mongo.getCollection(collection).insertMany(batch);
                    batch.clear();
                }
            });
            if (!batch.isEmpty()) {
                mongo.getCollection(collection).insertMany(batch);
            }
            changes.written(collection);
        });
        changes.written(Task.COLLECTION);
        return info;
    }

    /** Deletes backups older than the retention; returns their names. */
    public List<String> prune() {
        Instant limit = clock.instant().minus(properties.retention());
        List<String> removed = new ArrayList<>();
        for (BackupInfo info : list()) {
            if (info.createdAt().isBefore(limit)) {
                delete(properties.folder().resolve(info.name()));
                removed.add(info.name());
            }
        }
        return removed;
    }

    private Path folder(String name) {
        if (name == null || name.isBlank() || name.contains("/") || name.contains("\\") || name.contains("..")) {
            throw new IllegalArgumentException("'" + name + "' is not a backup name; `backup list` shows them");
        }
        Path folder = properties.folder().resolve(name);
        if (!Files.isRegularFile(folder.resolve(MANIFEST))) {
            throw new IllegalArgumentException("No backup named '" + name + "' in " + properties.folder());
        }
        return folder;
    }

    private static void writeManifest(Path folder, BackupInfo info) {
        Document collections = new Document();
        info.collections().forEach((name, f) -> collections.append(name, new Document("file", f.file())
                .append("documents", f.documents()).append("sha256", f.sha256()).append("bytes", f.bytes())));
        Document manifest = new Document("formatVersion", 1).append("name", info.name())
                .append("createdAt", info.createdAt().toString()).append("engine", info.engine())
                .append("collections", collections);
        try {
            Files.writeString(folder.resolve(MANIFEST), manifest.toJson(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the manifest of " + folder, e);
        }
    }

    private static BackupInfo readManifest(Path folder) {
        try {
            Document manifest = Document.parse(Files.readString(folder.resolve(MANIFEST), StandardCharsets.UTF_8));
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

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            log.warn("Could not remove old backup {}: {}", folder, e.getMessage());
        }
    }
}

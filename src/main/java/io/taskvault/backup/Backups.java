package io.taskvault.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
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
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Service;

import io.taskvault.store.JobLocks;
import io.taskvault.backup.BackupInfo.CollectionFile;
import io.taskvault.store.StoreChanges;
import io.taskvault.store.StoreInfo;
import io.taskvault.store.StoreSessions;
import io.taskvault.system.ProgressListener;
import io.taskvault.system.OperationsReports;
import io.taskvault.task.Task;
import io.taskvault.task.TasksRewritten;

/**
 * Backups of the whole store to a folder: every collection (GridFS included) as a compressed, checksummed file,
 * taken under the embedded store's exclusive lock so no write lands half-way through. Lists, verifies, restores.
 */
@Service
public class Backups implements SchedulingConfigurer {

    static final String MANIFEST = "manifest.json";
    static final String REPORT = "backup";
    //why: restoring a held job lock would block the jobs of the instance being restored into
    //why: api_tokens are credentials of this installation, not data: an exposed server must create one before it
    //    can start, and that must not make its store "not empty" for a restore
    private static final List<String> SKIPPED = List.of("shedLock", "api_tokens", StoreSessions.COLLECTION);
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);
    private static final Logger log = LoggerFactory.getLogger(Backups.class);

    private final MongoTemplate mongo;
    private final StoreInfo store;
    private final StoreChanges changes;
    private final BackupProperties properties;
    private final JobLocks locks;
    private final Clock clock;
    private final OperationsReports reports;
    private final ApplicationEventPublisher events;

    Backups(MongoTemplate mongo, StoreInfo store, StoreChanges changes, BackupProperties properties, JobLocks locks,
            Clock clock, OperationsReports reports, ApplicationEventPublisher events) {
        this.reports = reports;
        this.events = events;
        this.mongo = mongo;
        this.store = store;
        this.changes = changes;
        this.properties = properties;
        this.locks = locks;
        this.clock = clock;
    }

    /** Runs {@link #scheduled()} at {@code taskvault.backup.cron} (never when it is "-"). */
    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addCronTask(this::scheduled, properties.cron());
    }

    public void scheduled() {
        locks.once("taskvault-backup", Duration.ofHours(2), Duration.ofMinutes(5), () -> {
            BackupInfo created;
            try {
                created = create();
            } catch (RuntimeException e) {
                log.error("Scheduled backup failed", e);
                return null;
            }
            List<String> pruned = prune();
            log.info("Scheduled backup {} ({} documents); removed {} past the retention", created.name(),
                    created.documents(), pruned.size());
            return created;
        });
    }

    /** Writes a consistent snapshot of every collection. */
    public BackupInfo create() {
        return create(ProgressListener.NONE);
    }

    /** As {@link #create()}, telling {@code progress} how many documents have been written. */
    public BackupInfo create(ProgressListener progress) {
        return create("", progress);
    }

    private BackupInfo create(String suffix, ProgressListener progress) {
        long start = System.nanoTime();
        Instant at = clock.instant();
        Path folder = newFolder("taskvault-" + NAME.format(at) + suffix);
        try {
            Map<String, CollectionFile> files = store.withWritesHeld(() -> dump(folder, progress));
            long bytes = files.values().stream().mapToLong(CollectionFile::bytes).sum();
            BackupInfo info = new BackupInfo(folder.getFileName().toString(), at, store.engine(), files, bytes);
            BackupFiles.writeManifest(folder, info);
            report("create", info.name(), at, true, info.documents(), bytes, List.of(), start);
            return info;
        } catch (RuntimeException e) {
            report("create", folder.getFileName().toString(), at, false, 0, 0, List.of(String.valueOf(e.getMessage())), start);
            throw e;
        }
    }

    //why: two backups in the same millisecond (a restore's undo backup right after a backup) must not share a folder
    private Path newFolder(String name) {
        try {
            Files.createDirectories(properties.folder());
            for (int n = 1; ; n++) {
                Path folder = properties.folder().resolve(n == 1 ? name : name + "-" + n);
                try {
                    return Files.createDirectory(folder);
                } catch (FileAlreadyExistsException taken) {
                    // the next number
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create a backup folder in " + properties.folder() + ": " + e.getMessage(), e);
        }
    }

    private Map<String, CollectionFile> dump(Path folder, ProgressListener progress) {
        List<String> names = mongo.getCollectionNames().stream()
                .filter(name -> !SKIPPED.contains(name) && !name.startsWith("system.")).sorted().toList();
        long total = names.stream().mapToLong(name -> mongo.getCollection(name).estimatedDocumentCount()).sum();
        long[] done = new long[1];
        Map<String, CollectionFile> files = new LinkedHashMap<>();
        for (String name : names) {
            Path file = folder.resolve(name + ".jsonl.gz");
            long count = BackupFiles.write(file, sink -> mongo.getCollection(name).find().forEach(document -> {
                sink.accept(document);
                progress.progress(++done[0], Math.max(total, done[0]));
            }));
            files.put(name, new CollectionFile(file.getFileName().toString(), count, BackupFiles.sha256(file), BackupFiles.size(file)));
        }
        return files;
    }

    private void report(String action, String name, Instant at, boolean succeeded, long documents, long bytes,
                        List<String> problems, long startNanos) {
        report(action, name, at, succeeded, documents, bytes, problems, startNanos, null);
    }

    private void report(String action, String name, Instant at, boolean succeeded, long documents, long bytes,
                        List<String> problems, long startNanos, String undoBackup) {
        reports.save(REPORT, new BackupReport(action, name, at, succeeded, documents, bytes, problems,
                Duration.ofNanos(System.nanoTime() - startNanos), undoBackup));
    }

    /** The last create, verify or restore (of this or an earlier process). */
    public Optional<BackupReport> lastReport() {
        return reports.load(REPORT, BackupReport.class);
    }

    /** Every backup in the folder, newest first. */
    public List<BackupInfo> list() {
        if (!Files.isDirectory(properties.folder())) {
            return List.of();
        }
        try (Stream<Path> folders = Files.list(properties.folder())) {
            return folders.filter(p -> Files.isRegularFile(p.resolve(MANIFEST))).map(BackupFiles::readManifest)
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
        return verify(name, ProgressListener.NONE);
    }

    /** As {@link #verify(String)}, telling {@code progress} how many documents have been read back. */
    public List<String> verify(String name, ProgressListener progress) {
        long start = System.nanoTime();
        Path folder = folder(name);
        BackupInfo info = BackupFiles.readManifest(folder);
        List<String> problems = check(folder, info, progress, 0, info.documents());
        report("verify", name, clock.instant(), problems.isEmpty(), info.documents(), info.bytes(), problems, start);
        return problems;
    }

    private List<String> check(Path folder, BackupInfo info, ProgressListener progress, long doneBefore, long total) {
        List<String> problems = new ArrayList<>();
        long[] done = {doneBefore};
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
            long documents = BackupFiles.read(path, d -> progress.progress(++done[0], Math.max(total, done[0])));
            if (documents != file.documents()) {
                problems.add(collection + ": holds " + documents + " documents, the manifest expects " + file.documents());
            }
        });
        return problems;
    }

    /**
     * Restores a verified backup into an empty store; a non-empty store is replaced only when forced. Before anything
     * is replaced, the current state is written to a backup of its own (named in the result), so the restore can be
     * undone by restoring that one. Once restored, {@link StoreRestored} is published.
     */
    public RestoreResult restore(String name, boolean force) {
        return restore(name, force, ProgressListener.NONE);
    }

    /** As {@link #restore(String, boolean)}; {@code progress} counts documents verified, kept, then restored. */
    public RestoreResult restore(String name, boolean force, ProgressListener progress) {
        long start = System.nanoTime();
        Path folder = folder(name);
        BackupInfo info = BackupFiles.readManifest(folder);
        String undo = null;
        try {
            List<String> occupied = occupied();
            long current = occupied.stream().mapToLong(c -> mongo.getCollection(c).estimatedDocumentCount()).sum();
            long total = 2 * info.documents() + current;
            List<String> problems = check(folder, info, progress, 0, total);
            if (!problems.isEmpty()) {
                throw new BackupRefusedException("Backup " + name + " is damaged, not restoring: " + String.join("; ", problems));
            }
            if (!occupied.isEmpty() && !force) {
                throw new BackupRefusedException("The store is not empty (" + String.join(", ", occupied)
                        + " hold documents); restore into an empty store, or force it to replace everything");
            }
            long kept = info.documents();
            undo = create("-before-restore", (done, of) -> progress.progress(kept + done, Math.max(total, kept + done))).name();
            occupied().forEach(c -> mongo.getCollection(c).deleteMany(new Document()));
            long[] done = {info.documents() + current};
            info.collections().forEach((collection, file) -> {
                List<Document> batch = new ArrayList<>();
                BackupFiles.read(folder.resolve(file.file()), document -> {
                    batch.add(document);
                    if (batch.size() == 500) {
                        mongo.getCollection(collection).insertMany(batch);
                        progress.progress(done[0] += batch.size(), total);
                        batch.clear();
                    }
                });
                if (!batch.isEmpty()) {
                    mongo.getCollection(collection).insertMany(batch);
                    progress.progress(done[0] += batch.size(), total);
                }
                changes.written(collection);
            });
            changes.written(Task.COLLECTION);
            events.publishEvent(new TasksRewritten("a restore of backup " + name));
            report("restore", name, clock.instant(), true, info.documents(), info.bytes(), List.of(), start, undo);
        } catch (RuntimeException e) {
            report("restore", name, clock.instant(), false, 0, 0, List.of(String.valueOf(e.getMessage())), start, undo);
            throw e;
        }
        //why: outside the try: the restore is complete and reported; what others do about it is theirs to report
        events.publishEvent(new StoreRestored(name, clock.instant(), info.documents()));
        return new RestoreResult(info, undo);
    }

    private List<String> occupied() {
        return mongo.getCollectionNames().stream()
                .filter(c -> !SKIPPED.contains(c) && !c.startsWith("system.") && mongo.getCollection(c).estimatedDocumentCount() > 0)
                .sorted().toList();
    }

    /** Deletes backups older than the retention; returns their names. */
    public List<String> prune() {
        Instant limit = clock.instant().minus(properties.retention());
        List<String> removed = new ArrayList<>();
        for (BackupInfo info : list()) {
            if (info.createdAt().isBefore(limit)) {
                BackupFiles.delete(properties.folder().resolve(info.name()));
                removed.add(info.name());
            }
        }
        return removed;
    }

    private Path folder(String name) {
        if (name == null || name.isBlank() || name.contains("/") || name.contains("\\") || name.contains("..")) {
            throw new BackupNotFoundException("'" + name + "' is not a backup name; `backup list` shows them");
        }
        Path folder = properties.folder().resolve(name);
        if (!Files.isRegularFile(folder.resolve(MANIFEST))) {
            throw new BackupNotFoundException("No backup named '" + name + "' in " + properties.folder());
        }
        return folder;
    }
}

package io.taskvault.exchange;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.bson.Document;
import org.springframework.data.mongodb.core.convert.MongoConverter;
import org.springframework.stereotype.Service;

import io.taskvault.exchange.SourceFiles.BadFile;
import io.taskvault.store.schema.TaskV1ToV2;
import io.taskvault.store.schema.UnreadableDocumentException;
import io.taskvault.store.schema.VersionedSchemaUpgrader;
import io.taskvault.system.ProgressListener;
import io.taskvault.task.ImportWriter.PastChange;
import io.taskvault.task.Task;
import io.taskvault.task.TaskState;

/**
 * Imports an {@code .ap-state/} directory: {@code tasks/active/*.json}, {@code tasks/completed/YYYY-MM/*.json}
 * (file-based v1 tasks, read through the same v1 → newest upgrade as stored v1 documents) and the task state
 * changes in {@code states/history/**}{@code /*.jsonl} as their history.
 */
@Service
public class ApStateImport {

    private static final Pattern ID = Pattern.compile("TASK-[0-9]+-[0-9]+(-[0-9]+)?");

    private final VersionedSchemaUpgrader upgrader;
    private final MongoConverter converter;
    private final TaskImport imports;

    ApStateImport(VersionedSchemaUpgrader upgrader, MongoConverter converter, TaskImport imports) {
        this.upgrader = upgrader;
        this.converter = converter;
        this.imports = imports;
    }

    public ImportSummary run(String directory, boolean dryRun) {
        return run(directory, dryRun, ProgressListener.NONE);
    }

    /** As {@link #run(String, boolean)}, telling {@code progress} how many of the tasks read are stored. */
    public ImportSummary run(String directory, boolean dryRun, ProgressListener progress) {
        Path root = SourceFiles.directory(directory, ".ap-state");
        ImportLog log = new ImportLog();
        Map<String, List<PastChange>> history = history(root, log);
        List<Path> files = new ArrayList<>(SourceFiles.list(root.resolve("tasks/active"), ".json"));
        for (Path month : SourceFiles.subdirectories(root.resolve("tasks/completed"))) {
            files.addAll(SourceFiles.list(month, ".json"));
        }
        List<ImportCandidate> candidates = new ArrayList<>();
        for (Path file : files) {
            String name = root.relativize(file).toString();
            try {
                Document raw = SourceFiles.object(file);
                String id = raw.get("id") instanceof String s ? s : null;
                if (id == null || !ID.matcher(id).matches()) {
                    throw new BadFile("has id " + (id == null ? "(none)" : "'" + id + "'") + "; expected TASK-nnn-nnn");
                }
                raw.put("_id", id);
                raw.remove("schemaVersion");
                DependencyShapes.Found dependencies = dependencies(raw);
                Document upgraded = upgrader.upgrade(Task.COLLECTION, raw);
                upgraded.remove("_id");
                Task task = converter.read(Task.class, upgraded);
                dependencies.problems().forEach(problem -> log.unresolved(name, id, problem));
                candidates.add(new ImportCandidate(name, id, task, history.getOrDefault(id, List.of()), dependencies));
            } catch (BadFile e) {
                log.reject(name, null, e.getMessage());
            } catch (UnreadableDocumentException e) {
                log.reject(name, null, e.getMessage().replaceFirst("^document (\\S+) in tasks: ", "task $1: "));
            }
        }
        return imports.run(root.toString(), candidates, log, dryRun, id -> id, progress);
    }

    /** Every dependency shape of the file, taken out of it: {@code relationships.blocks} must not become metadata. */
    private static DependencyShapes.Found dependencies(Document raw) {
        DependencyShapes.Found found = DependencyShapes.take(raw, "");
        if (raw.get("relationships") instanceof Document relationships) {
            found = DependencyShapes.take(relationships, "relationships.").and(found);
        }
        return found;
    }

    private static Map<String, List<PastChange>> history(Path root, ImportLog log) {
        Map<String, List<PastChange>> byTask = new HashMap<>();
        Path dir = root.resolve("states/history");
        List<Path> files = new ArrayList<>(SourceFiles.list(dir, ".jsonl"));
        SourceFiles.subdirectories(dir).forEach(sub -> files.addAll(SourceFiles.list(sub, ".jsonl")));
        for (Path file : files) {
            String[] lines = SourceFiles.read(file).split("\n");
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].isBlank()) {
                    continue;
                }
                String where = root.relativize(file) + ":" + (i + 1);
                try {
                    Document line = SourceFiles.parse(lines[i]);
                    if (!"task".equals(line.get("entity_type"))) {
                        continue;
                    }
                    byTask.computeIfAbsent(String.valueOf(line.get("entity_id")), k -> new ArrayList<>()).add(change(line));
                } catch (BadFile | IllegalArgumentException e) {
                    log.reject(where, null, "history line " + e.getMessage());
                }
            }
        }
        byTask.values().forEach(changes -> changes.sort(Comparator.comparing(PastChange::at)));
        return byTask;
    }

    private static PastChange change(Document line) {
        Object at = line.get("timestamp");
        if (at == null) {
            throw new IllegalArgumentException("has no timestamp");
        }
        Instant when;
        try {
            when = java.time.OffsetDateTime.parse(at.toString()).toInstant();
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException("has timestamp '" + at + "', not an ISO-8601 date-time");
        }
        return new PastChange(when, state(line.get("from_state"), false), state(line.get("to_state"), true),
                line.get("changed_by") == null ? null : line.get("changed_by").toString(),
                line.get("reason") == null ? "state changed" : line.get("reason").toString(), Map.of());
    }

    private static TaskState state(Object value, boolean required) {
        Object status = value instanceof Document d ? d.get("status") : value;
        if (status == null) {
            if (required) {
                throw new IllegalArgumentException("has no to_state.status");
            }
            return null;
        }
        String mapped = TaskV1ToV2.STATES.get(status.toString().toLowerCase(java.util.Locale.ROOT));
        if (mapped == null) {
            throw new IllegalArgumentException("has unknown status '" + status + "'; known are "
                    + TaskV1ToV2.STATES.keySet().stream().sorted().toList());
        }
        return TaskState.valueOf(mapped);
    }
}

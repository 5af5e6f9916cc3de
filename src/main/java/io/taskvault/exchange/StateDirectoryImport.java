package io.taskvault.exchange;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.bson.Document;
import org.springframework.stereotype.Service;

import io.taskvault.exchange.SourceFiles.BadFile;
import io.taskvault.system.ProgressListener;
import io.taskvault.task.ImportWriter.PastChange;
import io.taskvault.task.Priority;
import io.taskvault.task.Task;
import io.taskvault.task.TaskDraft;
import io.taskvault.task.TaskState;

/**
 * Imports a directory of JSON task files whose states are PENDING / IN_PROGRESS / SECURED / FAILED / ARCHIVED
 * ({@code id, title, description, state, priority, created_by, created_at, updated_at, tags, metadata,
 * dependencies}), each with its audit log: an {@code audit_log} array in the file or a {@code <id>.audit.jsonl}
 * beside it ({@code timestamp, from_state, to_state, actor, details, checksum}). SECURED means COMPLETED. Each audit
 * entry's checksum is checked ({@link AuditChecksums}) and a mismatch reported on its file; dependencies come in
 * any of the shapes {@link DependencyShapes} reads.
 */
@Service
public class StateDirectoryImport {

    static final Map<String, TaskState> STATES = Map.of("PENDING", TaskState.PENDING, "IN_PROGRESS", TaskState.RUNNING,
            "SECURED", TaskState.COMPLETED, "FAILED", TaskState.FAILED, "ARCHIVED", TaskState.ARCHIVED);
    /** What a source id becomes as a task's externalId: these ids (a1, b2) are too plain to stand alone. */
    static final String EXTERNAL_PREFIX = "state-dir:";

    private final TaskImport imports;

    StateDirectoryImport(TaskImport imports) {
        this.imports = imports;
    }

    public ImportSummary run(String directory, boolean dryRun) {
        return run(directory, dryRun, ProgressListener.NONE);
    }

    /** As {@link #run(String, boolean)}, telling {@code progress} how many of the tasks read are stored. */
    public ImportSummary run(String directory, boolean dryRun, ProgressListener progress) {
        Path root = SourceFiles.directory(directory, "task files");
        ImportLog log = new ImportLog();
        List<ImportCandidate> candidates = new ArrayList<>();
        for (Path file : SourceFiles.list(root, ".json")) {
            String name = root.relativize(file).toString();
            try {
                Document raw = SourceFiles.object(file);
                String id = raw.get("id") == null ? null : raw.get("id").toString().strip();
                if (id == null || id.isEmpty()) {
                    throw new BadFile("has no id");
                }
                List<String> mismatches = new ArrayList<>();
                List<PastChange> past = audit(raw, root.resolve(id + ".audit.jsonl"), mismatches);
                DependencyShapes.Found dependencies = DependencyShapes.take(raw, "");
                if (raw.get("relationships") instanceof Document relationships) {
                    dependencies = dependencies.and(DependencyShapes.take(relationships, "relationships."));
                }
                Task task = task(raw, id, past, dependencies.dependsOn());
                dependencies.problems().forEach(problem -> log.unresolved(name, id, problem));
                mismatches.forEach(mismatch -> log.checksumMismatch(name, id, mismatch));
                candidates.add(new ImportCandidate(name, id, task, past, dependencies));
            } catch (BadFile | IllegalArgumentException e) {
                log.reject(name, null, e.getMessage());
            }
        }
        return imports.run(root.toString(), candidates, log, dryRun, id -> EXTERNAL_PREFIX + id, progress);
    }

    private static Task task(Document raw, String id, List<PastChange> past, List<String> dependsOn) {
        Map<String, Object> metadata = new LinkedHashMap<>(raw.get("metadata") instanceof Document d ? d : Map.of());
        metadata.put("sourceState", raw.get("state"));
        TaskDraft draft = TaskDraft.builder(text(raw, "title")).description(text(raw, "description"))
                .priority(priority(raw.get("priority"))).tags(strings(raw.get("tags"))).createdBy(text(raw, "created_by"))
                .dependsOn(dependsOn).metadata(metadata).externalId(EXTERNAL_PREFIX + id).build();
        Task task = draft.toTask();
        task.setState(state(raw.get("state"), "state"));
        task.setCreatedAt(instant(raw.get("created_at"), "created_at"));
        task.setUpdatedAt(instant(raw.get("updated_at"), "updated_at"));
        if (task.getCreatedAt() == null) {
            throw new IllegalArgumentException("has no created_at");
        }
        if (task.getState() == TaskState.COMPLETED) {
            task.setCompletedAt(task.getUpdatedAt());
        }
        if (task.getState() == TaskState.ARCHIVED) {
            TaskState before = past.isEmpty() || past.get(past.size() - 1).from() == null ? TaskState.COMPLETED
                    : past.get(past.size() - 1).from();
            task.setPreviousState(before);
            task.setArchivedAt(task.getUpdatedAt());
        }
        return task;
    }

    /** The file's audit entries as past changes; {@code mismatches} gets each entry whose checksum does not fit. */
    private static List<PastChange> audit(Document raw, Path sidecar, List<String> mismatches) {
        Map<String, Document> entries = new LinkedHashMap<>();
        if (raw.get("audit_log") instanceof List<?> inline) {
            for (int i = 0; i < inline.size(); i++) {
                if (inline.get(i) instanceof Document entry) {
                    entries.put("audit_log[" + i + "]", entry);
                }
            }
        }
        if (Files.isRegularFile(sidecar)) {
            String[] lines = SourceFiles.read(sidecar).split("\n");
            for (int i = 0; i < lines.length; i++) {
                if (!lines[i].isBlank()) {
                    try {
                        entries.put(sidecar.getFileName() + " line " + (i + 1), SourceFiles.parse(lines[i]));
                    } catch (BadFile e) {
                        throw new BadFile("audit log " + sidecar.getFileName() + " line " + (i + 1) + " " + e.getMessage());
                    }
                }
            }
        }
        entries.forEach((where, entry) -> {
            if (!AuditChecksums.matches(entry)) {
                mismatches.add(where + " records checksum " + entry.get("checksum") + ", but its content hashes to "
                        + AuditChecksums.of(entry) + "; imported as the file has it");
            }
        });
        List<PastChange> past = new ArrayList<>();
        for (Document entry : entries.values()) {
            Map<String, Object> details = new LinkedHashMap<>(entry.get("details") instanceof Document d ? d : Map.of());
            if (entry.get("checksum") != null) {
                details.put("sourceChecksum", entry.get("checksum").toString());
            }
            past.add(new PastChange(instant(entry.get("timestamp"), "audit timestamp"),
                    entry.get("from_state") == null ? null : state(entry.get("from_state"), "audit from_state"),
                    state(entry.get("to_state"), "audit to_state"), text(entry, "actor"),
                    entry.get("reason") == null ? "state changed" : entry.get("reason").toString(), details));
        }
        past.sort(Comparator.comparing(PastChange::at, Comparator.nullsFirst(Comparator.naturalOrder())));
        if (past.stream().anyMatch(p -> p.at() == null)) {
            throw new IllegalArgumentException("has an audit entry without a timestamp");
        }
        return past;
    }

    private static TaskState state(Object value, String field) {
        TaskState state = value == null ? null : STATES.get(value.toString().strip().toUpperCase(Locale.ROOT));
        if (state == null) {
            throw new IllegalArgumentException("has " + field + " " + (value == null ? "missing" : "'" + value + "'")
                    + "; known are " + STATES.keySet().stream().sorted().toList());
        }
        return state;
    }

    private static Priority priority(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return Priority.valueOf(value.toString().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("has priority '" + value + "'; known are " + List.of(Priority.values()));
        }
    }

    private static Instant instant(Object value, String field) {
        if (value == null) {
            return null;
        }
        try {
            String text = value.toString();
            //why: the Python source writes naive UTC timestamps (datetime.utcnow().isoformat())
            return text.matches(".*([Zz]|[+-]\\d\\d:?\\d\\d)$") ? OffsetDateTime.parse(text).toInstant()
                    : java.time.LocalDateTime.parse(text).toInstant(java.time.ZoneOffset.UTC);
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException("has " + field + " '" + value + "', not an ISO-8601 date-time");
        }
    }

    private static String text(Document raw, String field) {
        return raw.get(field) == null ? null : raw.get(field).toString();
    }

    private static List<String> strings(Object value) {
        return value instanceof List<?> l ? l.stream().map(String::valueOf).toList() : null;
    }
}

package io.taskvault.exchange;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.springframework.stereotype.Service;

import io.taskvault.task.ImportWriter;
import io.taskvault.task.InvalidTaskException;
import io.taskvault.task.Task;
import io.taskvault.task.TaskService;

/**
 * Stores the candidates a reader found, idempotently: a task is known by its source id (its externalId), so a
 * second import of the same files creates nothing. Known tasks whose editable text changed are updated.
 */
@Service
class TaskImport {

    static final String ACTOR = "import";

    private final ImportWriter writer;
    private final TaskService tasks;

    TaskImport(ImportWriter writer, TaskService tasks) {
        this.writer = writer;
        this.tasks = tasks;
    }

    ImportSummary run(String source, List<ImportCandidate> candidates, ImportLog log, boolean dryRun) {
        for (ImportCandidate candidate : CandidateChecks.accepted(candidates, log)) {
            try {
                store(candidate, log, dryRun);
            } catch (InvalidTaskException e) {
                log.reject(candidate.file(), candidate.sourceId(), "invalid task: " + e.getMessage());
            }
        }
        return log.summary(source, dryRun);
    }

    private void store(ImportCandidate candidate, ImportLog log, boolean dryRun) {
        Optional<Task> existing = writer.byExternalId(candidate.task().getExternalId());
        if (existing.isEmpty()) {
            Task created = dryRun ? null : writer.write(candidate.task(), candidate.past(), ACTOR);
            log.created.add(new ImportSummary.Entry(candidate.file(), candidate.sourceId(),
                    dryRun ? "would be created with " + (candidate.past().size() + 1) + "+ history events"
                            : "created as " + created.getKey() + " with " + created.getVersion() + " history events"));
            return;
        }
        Task stored = existing.get();
        Map<String, Object> patch = changedText(stored, candidate.task());
        if (patch.isEmpty()) {
            String state = stored.getState() == candidate.task().getState() ? ""
                    : "; its state differs (" + stored.getState() + " here, " + candidate.task().getState()
                    + " in the source) and is left as taskvault has it";
            log.skipped.add(new ImportSummary.Entry(candidate.file(), candidate.sourceId(),
                    "already imported as " + stored.getKey() + ", unchanged" + state));
            return;
        }
        if (!dryRun) {
            tasks.update(stored.getId(), patch, ACTOR, null);
        }
        log.updated.add(new ImportSummary.Entry(candidate.file(), candidate.sourceId(),
                (dryRun ? "would update " : "updated ") + stored.getKey() + ": " + String.join(", ", patch.keySet())));
    }

    private static Map<String, Object> changedText(Task stored, Task incoming) {
        Map<String, Object> patch = new LinkedHashMap<>();
        put(patch, "title", stored.getTitle(), incoming.getTitle());
        put(patch, "description", stored.getDescription(), incoming.getDescription());
        put(patch, "storyId", stored.getStoryId(), incoming.getStoryId());
        put(patch, "epicId", stored.getEpicId(), incoming.getEpicId());
        if (incoming.getPriority() != null && incoming.getPriority() != stored.getPriority()) {
            patch.put("priority", incoming.getPriority().name());
        }
        return patch;
    }

    private static void put(Map<String, Object> patch, String field, String stored, String incoming) {
        if (incoming != null && !Objects.equals(stored, incoming)) {
            patch.put(field, incoming);
        }
    }
}

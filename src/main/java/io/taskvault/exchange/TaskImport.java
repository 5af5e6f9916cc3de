package io.taskvault.exchange;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.springframework.stereotype.Service;

import io.taskvault.exchange.SourceReferences.Links;
import io.taskvault.system.ProgressListener;
import io.taskvault.task.ImportWriter;
import io.taskvault.task.InvalidTaskException;
import io.taskvault.task.Task;
import io.taskvault.task.TaskService;

/**
 * Stores the candidates a reader found, idempotently: a task is known by its source id (its externalId), so a
 * second import of the same files creates nothing. Known tasks whose editable text changed are updated. The
 * source ids in dependsOn / relatedTo become the ids taskvault gave those tasks; dependencies are stored first, and
 * become the graph's edges once every task is stored.
 */
@Service
class TaskImport {

    static final String ACTOR = "import";
    private static final List<String> LINKS = List.of("dependsOn", "relatedTo");

    private final ImportWriter writer;
    private final TaskService tasks;
    private final ImportedEdges edges;

    TaskImport(ImportWriter writer, TaskService tasks, ImportedEdges edges) {
        this.writer = writer;
        this.tasks = tasks;
        this.edges = edges;
    }

    /**
     * @param externalIdOf the externalId a source id is stored under, to find tasks imported earlier
     */
    ImportSummary run(String source, List<ImportCandidate> candidates, ImportLog log, boolean dryRun,
                      Function<String, String> externalIdOf, ProgressListener progress) {
        List<ImportCandidate> accepted = CandidateChecks.inDependencyOrder(CandidateChecks.accepted(candidates, log));
        SourceReferences references = new SourceReferences(accepted, externalIdOf, writer, dryRun);
        Map<ImportCandidate, Waiting> waiting = new LinkedHashMap<>();
        Map<ImportCandidate, String> stored = new LinkedHashMap<>();
        progress.progress(0, accepted.size());
        for (int i = 0; i < accepted.size(); i++) {
            ImportCandidate candidate = accepted.get(i);
            try {
                Map<String, Links> links = link(candidate, references);
                String id = store(candidate, links, log, dryRun);
                stored.put(candidate, dryRun ? null : id);
                if (id != null) {
                    references.stored(candidate.sourceId(), id);
                    Map<String, List<String>> later = new LinkedHashMap<>();
                    links.forEach((field, l) -> later.put(field, l.later()));
                    if (later.values().stream().anyMatch(l -> !l.isEmpty())) {
                        waiting.put(candidate, new Waiting(id, later));
                    }
                }
                links.forEach((field, l) -> l.unresolved().forEach(ref -> unresolved(log, candidate, field, ref)));
            } catch (InvalidTaskException e) {
                log.reject(candidate.file(), candidate.sourceId(), "invalid task: " + e.getMessage());
            }
            progress.progress(i + 1, accepted.size());
        }
        //why: a relatedTo may point forward, and a dependency may have been rejected; resolved or reported now
        waiting.forEach((candidate, w) -> linkLater(candidate, w, references, log));
        stored.forEach((candidate, id) -> edges.link(candidate, id, references, log));
        return log.summary(source, dryRun);
    }

    /** Sets the candidate's dependsOn / relatedTo to what its references resolve to now. */
    private static Map<String, Links> link(ImportCandidate candidate, SourceReferences references) {
        Task task = candidate.task();
        Links dependsOn = references.resolve(candidate.dependsOn());
        Links relatedTo = references.resolve(candidate.relatedTo());
        task.setDependsOn(dependsOn.ids());
        task.setRelatedTo(relatedTo.ids());
        Map<String, Links> links = new LinkedHashMap<>();
        links.put("dependsOn", dependsOn);
        links.put("relatedTo", relatedTo);
        return links;
    }

    /** A stored task whose references named tasks of this import not stored yet when it was. */
    private record Waiting(String id, Map<String, List<String>> later) {
    }

    private void linkLater(ImportCandidate candidate, Waiting waiting, SourceReferences references, ImportLog log) {
        Task stored = tasks.get(waiting.id());
        Map<String, Object> patch = new LinkedHashMap<>();
        waiting.later().forEach((field, refs) -> {
            Set<String> next = new LinkedHashSet<>(current(stored, field));
            for (String ref : refs) {
                references.idOf(ref).ifPresentOrElse(next::add, () -> unresolved(log, candidate, field, ref));
            }
            if (!next.equals(new LinkedHashSet<>(current(stored, field)))) {
                patch.put(field, List.copyOf(next));
            }
        });
        if (!patch.isEmpty()) {
            tasks.update(waiting.id(), patch, ACTOR, null);
        }
    }

    private String store(ImportCandidate candidate, Map<String, Links> links, ImportLog log, boolean dryRun) {
        Optional<Task> existing = writer.byExternalId(candidate.task().getExternalId());
        if (existing.isEmpty()) {
            Task created = dryRun ? null : writer.write(candidate.task(), candidate.past(), ACTOR);
            log.created.add(new ImportSummary.Entry(candidate.file(), candidate.sourceId(),
                    dryRun ? "would be created with " + (candidate.past().size() + 1) + "+ history events"
                            : "created as " + created.getKey() + " with " + created.getVersion() + " history events"));
            return dryRun ? null : created.getId();
        }
        Task stored = existing.get();
        Map<String, Object> patch = changedText(stored, candidate.task());
        addMissingLinks(patch, stored, candidate, links);
        if (patch.isEmpty()) {
            String state = stored.getState() == candidate.task().getState() ? ""
                    : "; its state differs (" + stored.getState() + " here, " + candidate.task().getState()
                    + " in the source) and is left as taskvault has it";
            log.skipped.add(new ImportSummary.Entry(candidate.file(), candidate.sourceId(),
                    "already imported as " + stored.getKey() + ", unchanged" + state));
            return stored.getId();
        }
        if (!dryRun) {
            tasks.update(stored.getId(), patch, ACTOR, null);
        }
        log.updated.add(new ImportSummary.Entry(candidate.file(), candidate.sourceId(),
                (dryRun ? "would update " : "updated ") + stored.getKey() + ": " + String.join(", ", patch.keySet())));
        return stored.getId();
    }

    /**
     * Links of a task imported earlier that resolve now (its dependency came in later): added, and any source id
     * stored in its place by an older import replaced. Links added in taskvault since are kept.
     */
    private static void addMissingLinks(Map<String, Object> patch, Task stored, ImportCandidate candidate,
                                        Map<String, Links> links) {
        for (String field : LINKS) {
            Set<String> next = new LinkedHashSet<>(current(stored, field));
            next.removeAll(sourceRefs(candidate, field));
            next.addAll(links.get(field).ids().stream().filter(id -> !id.startsWith(SourceReferences.WOULD_BE_CREATED))
                    .toList());
            if (!next.equals(new LinkedHashSet<>(current(stored, field)))) {
                patch.put(field, List.copyOf(next));
            }
        }
    }

    private static List<String> current(Task task, String field) {
        return field.equals("dependsOn") ? task.getDependsOn() : task.getRelatedTo();
    }

    /** The references exactly as the source file gave them. */
    private static List<String> sourceRefs(ImportCandidate candidate, String field) {
        return field.equals("dependsOn") ? candidate.dependsOn() : candidate.relatedTo();
    }

    private static void unresolved(ImportLog log, ImportCandidate candidate, String field, String ref) {
        log.unresolved(candidate.file(), candidate.sourceId(), field + " " + ref
                + " names no task of this import nor one imported before; left out");
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

package io.taskvault.exchange;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import io.taskvault.graph.DependencyGraph;
import io.taskvault.graph.EdgeRejectedException;
import io.taskvault.graph.EdgeType;
import io.taskvault.task.Task;
import io.taskvault.task.TaskService;

/**
 * Turns an import's dependencies into the graph's blocks edges, by the graph's own rules (a task waiting for
 * unfinished work is BLOCKED when its state allows): each stored task's dependsOn, and the tasks of earlier imports
 * its {@code blocks} names. A reference that names no task, or an edge the graph refuses, is reported on the file.
 */
@Component
class ImportedEdges {

    private final DependencyGraph graph;
    private final TaskService tasks;

    ImportedEdges(DependencyGraph graph, TaskService tasks) {
        this.graph = graph;
        this.tasks = tasks;
    }

    /** @param taskId the id the candidate was stored under; null in a dry run, which only reports */
    void link(ImportCandidate candidate, String taskId, SourceReferences references, ImportLog log) {
        Map<String, String> blocked = new LinkedHashMap<>();
        for (String target : candidate.blocks()) {
            Optional<String> id = references.idOf(target);
            if (id.isEmpty()) {
                log.unresolved(candidate.file(), candidate.sourceId(), "blocks " + target
                        + " names no task of this import nor one imported before; left out");
            } else {
                blocked.put(target, id.get());
            }
        }
        if (taskId == null) {
            return;
        }
        List<String> refused = new ArrayList<>();
        for (String dependency : references.resolve(candidate.dependsOn()).ids()) {
            edge(dependency, taskId, candidate, log, "dependsOn " + keyOf(dependency)).ifPresent(refused::add);
        }
        blocked.forEach((target, id) -> edge(taskId, id, candidate, log, "blocks " + target));
        if (!refused.isEmpty()) {
            List<String> kept = new ArrayList<>(tasks.get(taskId).getDependsOn());
            kept.removeAll(refused);
            tasks.update(taskId, Map.of("dependsOn", List.copyOf(kept)), TaskImport.ACTOR, null);
        }
    }

    /** Adds {@code from} blocks {@code to}; returns {@code from} when the graph refused the edge. */
    private Optional<String> edge(String from, String to, ImportCandidate candidate, ImportLog log, String what) {
        try {
            graph.addEdge(from, EdgeType.BLOCKS, to, TaskImport.ACTOR);
            return Optional.empty();
        } catch (EdgeRejectedException e) {
            log.unresolved(candidate.file(), candidate.sourceId(), what + " not linked: " + e.errors().values().iterator().next());
            return Optional.of(from);
        }
    }

    private String keyOf(String id) {
        return tasks.find(id).map(Task::getKey).orElse(id);
    }
}

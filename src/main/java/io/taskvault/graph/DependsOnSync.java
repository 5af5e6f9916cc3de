package io.taskvault.graph;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.taskvault.task.InvalidTaskException;
import io.taskvault.task.Task;
import io.taskvault.task.TaskChanged;
import io.taskvault.task.TaskService;
import io.taskvault.task.history.EventType;

/**
 * Keeps the typed {@code blocks} edges in step with a task's {@code dependsOn} when it is edited through
 * {@code TaskService.update}: a new entry becomes an edge, a dropped entry loses its edge. An entry the graph
 * refuses (a cycle, the task itself, an unknown task) is taken back out of {@code dependsOn}, the reason is noted in
 * the task's history, and the update's caller gets the refusal as a {@code dependsOn} problem.
 */
@Component
class DependsOnSync {

    private final DependencyGraph graph;
    private final TaskService tasks;
    //why: adding an edge rewrites dependsOn (keys become ids), which publishes another UPDATED in this thread
    private final ThreadLocal<Boolean> syncing = ThreadLocal.withInitial(() -> false);

    DependsOnSync(DependencyGraph graph, TaskService tasks) {
        this.graph = graph;
        this.tasks = tasks;
    }

    @EventListener
    void on(TaskChanged change) {
        //why: creation is linked by DependencyUnblocker; the graph's own mirror writes come back here as no-ops
        if (change.type() != EventType.UPDATED || DependencyGraph.ACTOR.equals(change.actor()) || syncing.get()) {
            return;
        }
        syncing.set(true);
        try {
            sync(change);
        } finally {
            syncing.set(false);
        }
    }

    private void sync(TaskChanged change) {
        Task task = change.task();
        Set<String> declared = new LinkedHashSet<>();
        Map<String, String> refused = new LinkedHashMap<>();
        for (String ref : task.getDependsOn()) {
            Optional<Task> dependency = tasks.find(ref);
            if (dependency.isEmpty()) {
                refused.put(ref, "'" + ref + "' does not exist");
            } else {
                declared.add(dependency.get().getId());
            }
        }
        List<String> linked = graph.dependencyIds(task.getId());
        for (String id : linked) {
            if (!declared.contains(id)) {
                graph.removeEdge(id, EdgeType.BLOCKS, task.getId(), change.actor());
            }
        }
        for (String id : declared) {
            if (!linked.contains(id)) {
                try {
                    graph.addEdge(id, EdgeType.BLOCKS, task.getId(), change.actor());
                } catch (EdgeRejectedException e) {
                    refused.put(id, e.errors().values().iterator().next());
                }
            }
        }
        if (!refused.isEmpty()) {
            takeBack(task, refused, change.actor());
        }
    }

    private void takeBack(Task task, Map<String, String> refused, String actor) {
        Task now = tasks.get(task.getId());
        List<String> kept = new ArrayList<>(now.getDependsOn());
        kept.removeIf(ref -> refused.containsKey(ref)
                || tasks.find(ref).map(t -> refused.containsKey(t.getId())).orElse(false));
        tasks.update(now.getId(), Map.of("dependsOn", List.copyOf(kept)), DependencyGraph.ACTOR, null);
        String problem = "not linked: " + String.join("; ", refused.values());
        tasks.addNote(now.getId(), "dependsOn " + problem, DependencyGraph.ACTOR);
        throw new InvalidTaskException("dependsOn", problem);
    }
}

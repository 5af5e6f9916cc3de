package io.taskvault.graph;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;

import io.taskvault.task.Dependents;
import io.taskvault.task.Task;
import io.taskvault.task.TaskNotFoundException;
import io.taskvault.task.TaskService;
import io.taskvault.task.TaskState;

/**
 * Typed edges between tasks, kept in step with each task's {@code dependsOn} / {@code relatedTo}. Edges of the
 * acyclic types are checked against the in-memory index before they are stored; blocked work is marked BLOCKED.
 */
@Service
public class DependencyGraph implements Dependents {

    static final String ACTOR = "dependencies";
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DependencyGraph.class);

    private final EdgeStore store;
    private final TaskService tasks;
    private final Clock clock;
    private EdgeIndex index;
    private long seenVersion = -1;

    DependencyGraph(EdgeStore store, TaskService tasks, Clock clock) {
        this.store = store;
        this.tasks = tasks;
        this.clock = clock;
    }

    /** The index, loaded once and reloaded only when another process has written edges since. */
    synchronized EdgeIndex index() {
        long version = store.version();
        if (index == null || version != seenVersion) {
            index = new EdgeIndex(store.all());
            seenVersion = version;
        }
        return index;
    }

    /** Links two tasks; refuses a self-link, an unknown task or a cycle. Adding an existing edge returns it. */
    public synchronized TaskEdge addEdge(String fromRef, EdgeType type, String toRef, String actor) {
        if (type == null) {
            throw new EdgeRejectedException("type is required: one of blocks, relates-to, subtask-of", List.of());
        }
        Task from = known(fromRef, "from");
        Task to = known(toRef, "to");
        if (from.getId().equals(to.getId())) {
            throw new EdgeRejectedException(from.getKey() + " " + type.label() + " " + from.getKey()
                    + ": a task cannot be linked to itself", List.of(from.getKey(), from.getKey()));
        }
        EdgeIndex edges = index();
        if (edges.contains(from.getId(), type, to.getId())) {
            return store.byIds(List.of(TaskEdge.idOf(from.getId(), type, to.getId()))).get(0);
        }
        if (type.acyclic()) {
            Optional<List<String>> back = edges.path(to.getId(), from.getId(), type);
            if (back.isPresent()) {
                List<String> cycle = new ArrayList<>();
                cycle.add(from.getKey());
                back.get().forEach(id -> cycle.add(keyOf(id)));
                throw new EdgeRejectedException(String.join(" → ", cycle) + ": " + from.getKey() + " " + type.label()
                        + " " + to.getKey() + " would close this cycle", cycle);
            }
        }
        TaskEdge edge = TaskEdge.of(from.getId(), type, to.getId(), clock.instant(), actor);
        store.insert(edge);
        edges.add(edge);
        seenVersion = store.version();
        mirror(from, type, to, true, actor);
        //why: read again: the mirrored dependsOn change is published, and its listeners may have blocked the task
        Task now = tasks.get(to.getId());
        if (type == EdgeType.BLOCKS && !Dependencies.done(from) && now.getState().canMoveTo(TaskState.BLOCKED)
                && now.getState() != TaskState.BLOCKED) {
            tasks.transition(to.getId(), TaskState.BLOCKED, ACTOR, "waits for " + from.getKey() + " (" + from.getState() + ")");
        }
        return edge;
    }

    /** Removes a link; a task left with only completed dependencies is released to PENDING. */
    public synchronized void removeEdge(String fromRef, EdgeType type, String toRef, String actor) {
        if (type == null) {
            throw new EdgeRejectedException("type is required: one of blocks, relates-to, subtask-of", List.of());
        }
        Task from = known(fromRef, "from");
        Task to = known(toRef, "to");
        EdgeIndex edges = index();
        if (!edges.contains(from.getId(), type, to.getId())) {
            throw new EdgeRejectedException("there is no edge " + from.getKey() + " " + type.label() + " " + to.getKey(),
                    List.of());
        }
        store.delete(TaskEdge.idOf(from.getId(), type, to.getId()));
        edges.remove(from.getId(), type, to.getId());
        seenVersion = store.version();
        mirror(from, type, to, false, actor);
        if (type == EdgeType.BLOCKS) {
            release(to.getId(), "dependency on " + from.getKey() + " removed");
        }
    }

    /**
     * Drops every edge of a deleted task, whose own document is gone: each other end loses it from its
     * {@code dependsOn} or {@code relatedTo} first, then the edge goes, then a task it blocked is released to PENDING
     * by the rule a removed edge follows. Safe to repeat: what is already gone is skipped.
     */
    public synchronized void detach(String taskId, String key) {
        EdgeIndex edges = index();
        for (EdgeType type : EdgeType.values()) {
            for (String to : edges.out(taskId, type)) {
                forget(to, type == EdgeType.BLOCKS ? "dependsOn" : type == EdgeType.RELATES_TO ? "relatedTo" : null, taskId);
                drop(edges, taskId, type, to);
                if (type == EdgeType.BLOCKS) {
                    releaseQuietly(to, "dependency " + key + " was deleted");
                }
            }
            for (String from : edges.in(taskId, type)) {
                forget(from, type == EdgeType.RELATES_TO ? "relatedTo" : null, taskId);
                drop(edges, from, type, taskId);
            }
        }
    }

    private void drop(EdgeIndex edges, String from, EdgeType type, String to) {
        store.delete(TaskEdge.idOf(from, type, to));
        edges.remove(from, type, to);
        seenVersion = store.version();
    }

    private void forget(String taskId, String field, String gone) {
        if (field == null) {
            return;
        }
        tasks.find(taskId).ifPresent(task -> {
            List<String> current = "dependsOn".equals(field) ? task.getDependsOn() : task.getRelatedTo();
            if (current.contains(gone)) {
                List<String> kept = new ArrayList<>(current);
                kept.remove(gone);
                try {
                    tasks.update(task.getId(), Map.of(field, List.copyOf(kept)), ACTOR, null);
                } catch (RuntimeException e) {
                    //why: the edge goes anyway; a stale id in the mirror is what a refused edit leaves today too
                    log.warn("Could not drop deleted task {} from {}'s {}: {}", gone, task.getKey(), field, e.getMessage());
                }
            }
        });
    }

    private void releaseQuietly(String taskId, String reason) {
        try {
            release(taskId, reason);
        } catch (RuntimeException e) {
            //why: someone else moved the dependent meanwhile; their change wins, as when a dependency completes
            log.info("Did not release {}: {}", taskId, e.getMessage());
        }
    }

    /** The task's edges in both directions, all types. */
    public List<TaskEdge> edges(String ref) {
        String id = tasks.get(ref).getId();
        EdgeIndex edges = index();
        List<String> ids = new ArrayList<>();
        for (EdgeType type : EdgeType.values()) {
            edges.out(id, type).forEach(to -> ids.add(TaskEdge.idOf(id, type, to)));
            edges.in(id, type).forEach(from -> ids.add(TaskEdge.idOf(from, type, id)));
        }
        return store.byIds(ids);
    }

    /** Every task this one waits on, directly or through others. */
    public List<Task> upstream(String ref) {
        return load(index().closure(tasks.get(ref).getId(), EdgeType.BLOCKS, false));
    }

    /** Every task waiting on this one, directly or through others. */
    public List<Task> downstream(String ref) {
        return load(index().closure(tasks.get(ref).getId(), EdgeType.BLOCKS, true));
    }

    /** Ids of the tasks this one blocks, directly or transitively (no task reads). */
    public Set<String> downstreamIds(String taskId) {
        return index().closure(taskId, EdgeType.BLOCKS, true);
    }

    /** Ids of the tasks this one directly waits on. */
    public List<String> dependencyIds(String taskId) {
        return index().in(taskId, EdgeType.BLOCKS);
    }

    /** Ids of the tasks directly waiting on this one. */
    @Override
    public List<String> dependentIds(String taskId) {
        return index().out(taskId, EdgeType.BLOCKS);
    }

    public int edgeCount() {
        return index().size();
    }

    /** Moves a BLOCKED task to PENDING when every dependency it has left is done; says whether it did. */
    boolean release(String taskId, String reason) {
        Task task = tasks.get(taskId);
        if (task.getState() != TaskState.BLOCKED) {
            return false;
        }
        for (String dependency : dependencyIds(taskId)) {
            if (!Dependencies.done(tasks.get(dependency))) {
                return false;
            }
        }
        tasks.transition(taskId, TaskState.PENDING, ACTOR, reason);
        return true;
    }

    private void mirror(Task from, EdgeType type, Task to, boolean add, String actor) {
        if (type == EdgeType.BLOCKS) {
            //why: a task created with dependsOn may name its dependency by key; the mirror holds ids only
            List<String> current = new ArrayList<>(to.getDependsOn());
            boolean hadKey = current.remove(from.getKey());
            patchList(to, "dependsOn", current, from.getId(), add, actor, hadKey);
        } else if (type == EdgeType.RELATES_TO) {
            patchList(from, "relatedTo", from.getRelatedTo(), to.getId(), add, actor, false);
            patchList(to, "relatedTo", to.getRelatedTo(), from.getId(), add, actor, false);
        }
    }

    private void patchList(Task task, String field, List<String> current, String id, boolean add, String actor,
                           boolean changedAlready) {
        Set<String> next = new LinkedHashSet<>(current);
        boolean changed = add ? next.add(id) : next.remove(id);
        if (changed || changedAlready) {
            tasks.update(task.getId(), Map.of(field, List.copyOf(next)), actor, null);
        }
    }

    private Task known(String ref, String side) {
        if (ref == null || ref.isBlank()) {
            throw new EdgeRejectedException("'" + side + "' task is required", List.of());
        }
        try {
            return tasks.get(ref);
        } catch (TaskNotFoundException e) {
            throw new EdgeRejectedException("'" + side + "' task '" + ref + "' does not exist", List.of());
        }
    }

    private String keyOf(String id) {
        return tasks.find(id).map(Task::getKey).orElse(id);
    }

    List<Task> load(Set<String> ids) {
        List<Task> found = new ArrayList<>();
        ids.forEach(id -> tasks.find(id).ifPresent(found::add));
        return found;
    }
}

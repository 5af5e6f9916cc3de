package io.taskvault.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.springframework.stereotype.Service;

import io.taskvault.task.Task;
import io.taskvault.task.TaskPage;
import io.taskvault.task.TaskQuery;
import io.taskvault.task.TaskService;
import io.taskvault.task.TaskState;

/** Whole-graph questions: which tasks can start now, and the longest chain of unfinished work. */
@Service
public class GraphQueries {

    static final Set<TaskState> STARTABLE = EnumSet.of(TaskState.PENDING, TaskState.QUEUED);
    private static final Set<TaskState> UNFINISHED = EnumSet.of(TaskState.PENDING, TaskState.QUEUED,
            TaskState.RUNNING, TaskState.BLOCKED, TaskState.INTERRUPTED, TaskState.FAILED);

    private final DependencyGraph graph;
    private final TaskService tasks;

    GraphQueries(DependencyGraph graph, TaskService tasks) {
        this.graph = graph;
        this.tasks = tasks;
    }

    /** PENDING or QUEUED tasks matching the filter whose dependencies are all completed. */
    public List<Task> ready(TaskQuery filter) {
        Map<String, Boolean> doneCache = new HashMap<>();
        Predicate<String> done = id -> doneCache.computeIfAbsent(id,
                k -> tasks.find(k).map(Dependencies::done).orElse(false));
        List<Task> ready = new ArrayList<>();
        for (Task task : all(filter.withStates(STARTABLE))) {
            if (graph.dependencyIds(task.getId()).stream().allMatch(done)) {
                ready.add(task);
            }
        }
        return ready;
    }

    /**
     * The longest chain of unfinished tasks linked by blocks edges, first to do first; with a task given, the
     * longest such chain that ends at it.
     */
    public List<Task> criticalPath(String ref) {
        Map<String, Task> open = new LinkedHashMap<>();
        all(TaskQuery.all().withStates(UNFINISHED)).forEach(t -> open.put(t.getId(), t));
        String end = ref == null || ref.isBlank() ? null : tasks.get(ref).getId();
        if (end != null) {
            Set<String> upstream = graph.index().closure(end, EdgeType.BLOCKS, false);
            open.keySet().removeIf(id -> !id.equals(end) && !upstream.contains(id));
            if (!open.containsKey(end)) {
                return List.of();
            }
        }
        Map<String, Integer> indegree = new HashMap<>();
        open.keySet().forEach(id -> indegree.put(id, (int) graph.dependencyIds(id).stream().filter(open::containsKey).count()));
        Map<String, Integer> length = new HashMap<>();
        Map<String, String> previous = new HashMap<>();
        Deque<String> queue = new ArrayDeque<>();
        indegree.forEach((id, n) -> {
            if (n == 0) {
                queue.add(id);
                length.put(id, 1);
            }
        });
        String best = null;
        while (!queue.isEmpty()) {
            String id = queue.poll();
            if (best == null || length.get(id) > length.get(best)) {
                best = id;
            }
            for (String next : graph.dependentIds(id)) {
                if (!open.containsKey(next)) {
                    continue;
                }
                if (length.get(id) + 1 > length.getOrDefault(next, 0)) {
                    length.put(next, length.get(id) + 1);
                    previous.put(next, id);
                }
                if (indegree.merge(next, -1, Integer::sum) == 0) {
                    queue.add(next);
                }
            }
        }
        String last = end != null ? end : best;
        List<Task> path = new ArrayList<>();
        for (String at = last; at != null; at = previous.get(at)) {
            path.add(0, open.get(at));
        }
        return last == null ? List.of() : path;
    }

    /** Every task the query matches, read page by page. */
    List<Task> all(TaskQuery query) {
        List<Task> found = new ArrayList<>();
        TaskQuery page = query.withLimit(TaskQuery.MAX_LIMIT, 0);
        while (true) {
            TaskPage result = tasks.list(page);
            found.addAll(result.tasks());
            if (result.nextCursor() == null) {
                return found;
            }
            page = page.withCursor(result.nextCursor());
        }
    }

}

package io.taskvault.graph;

import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.cache.annotation.Cacheable;
import org.springframework.stereotype.Service;

import io.taskvault.store.StoreVersionKeys;
import io.taskvault.task.Task;
import io.taskvault.task.TaskQuery;

/** Picks the task to work on now: ready tasks only, then priority, then how much it unblocks, then age. */
@Service
public class NextTaskPicker {

    private static final int NAMED_DEPENDENTS = 5;

    private final GraphQueries queries;
    private final DependencyGraph graph;
    private final Clock clock;

    NextTaskPicker(GraphQueries queries, DependencyGraph graph, Clock clock) {
        this.queries = queries;
        this.graph = graph;
        this.clock = clock;
    }

    /**
     * The best ready task for the filters (null or empty means any). Orchestrators poll it; between writes the ranking
     * is served from the cache, its key the filters and the store's change count.
     */
    @Cacheable(cacheNames = NextTaskCache.NAME, keyGenerator = StoreVersionKeys.NAME)
    public NextTask next(String role, String provider, Set<String> tags) {
        TaskQuery filter = TaskQuery.all().withRoles(role == null ? Set.of() : Set.of(role)).withTags(tags);
        List<Task> ready = queries.ready(filter).stream()
                .filter(t -> provider == null || provider.isBlank() || provider.equalsIgnoreCase(t.getProvider()))
                .toList();
        if (ready.isEmpty()) {
            return new NextTask(null, List.of(), 0, null, "No task is ready" + describe(role, provider, tags)
                    + ": every matching PENDING or QUEUED task waits on unfinished dependencies, or there is none.");
        }
        Map<String, Integer> unblocks = new HashMap<>();
        ready.forEach(t -> unblocks.put(t.getId(), graph.downstreamIds(t.getId()).size()));
        Comparator<Task> order = Comparator.comparingInt(Task::getPriorityRank).reversed()
                .thenComparing(Comparator.comparingInt((Task t) -> unblocks.get(t.getId())).reversed())
                .thenComparing(Task::getCreatedAt)
                .thenComparingLong(Task::getKeyNumber);
        List<Task> ranked = ready.stream().sorted(order).toList();
        Task best = ranked.get(0);
        Task second = ranked.size() > 1 ? ranked.get(1) : null;
        List<String> dependents = graph.load(graph.downstreamIds(best.getId())).stream().map(Task::getKey).toList();
        return new NextTask(best, dependents, ready.size(), second == null ? null : second.getKey(),
                explain(best, second, unblocks, dependents, ready.size()));
    }

    private String explain(Task best, Task second, Map<String, Integer> unblocks, List<String> dependents, int ready) {
        StringBuilder why = new StringBuilder();
        int dependencies = graph.dependencyIds(best.getId()).size();
        why.append(best.getKey()).append(" \"").append(best.getTitle()).append("\" is ready (")
                .append(dependencies == 0 ? "no dependencies" : "all " + dependencies + " dependencies completed")
                .append("), priority ").append(best.getPriority());
        why.append(", unblocks ").append(dependents.size()).append(dependents.size() == 1 ? " task" : " tasks");
        if (!dependents.isEmpty()) {
            why.append(" (").append(String.join(", ", dependents.subList(0, Math.min(NAMED_DEPENDENTS, dependents.size()))))
                    .append(dependents.size() > NAMED_DEPENDENTS ? ", …" : "").append(")");
        }
        why.append(", waiting ").append(age(best)).append('.');
        if (second == null) {
            return why.append(" It is the only ready task.").toString();
        }
        why.append(" Chosen over ").append(ready - 1).append(" other ready task").append(ready == 2 ? "" : "s")
                .append("; the runner-up ").append(second.getKey()).append(' ');
        if (second.getPriorityRank() != best.getPriorityRank()) {
            why.append("has a lower priority (").append(second.getPriority()).append(").");
        } else if (!unblocks.get(second.getId()).equals(unblocks.get(best.getId()))) {
            why.append("has the same priority but unblocks fewer tasks (").append(unblocks.get(second.getId())).append(").");
        } else {
            why.append("ties on priority and unblocked tasks but is newer (waiting ").append(age(second)).append(").");
        }
        return why.toString();
    }

    private String age(Task task) {
        Duration waited = Duration.between(task.getCreatedAt(), clock.instant());
        if (waited.toDays() > 0) {
            return waited.toDays() + "d " + waited.toHoursPart() + "h";
        }
        if (waited.toHours() > 0) {
            return waited.toHours() + "h " + waited.toMinutesPart() + "m";
        }
        return Math.max(0, waited.toMinutes()) + "m " + Math.max(0, waited.toSecondsPart()) + "s";
    }

    private static String describe(String role, String provider, Set<String> tags) {
        StringBuilder filters = new StringBuilder();
        if (role != null && !role.isBlank()) {
            filters.append(" role=").append(role);
        }
        if (provider != null && !provider.isBlank()) {
            filters.append(" provider=").append(provider);
        }
        if (tags != null && !tags.isEmpty()) {
            filters.append(" tags=").append(String.join(",", tags));
        }
        return filters.isEmpty() ? "" : " for" + filters;
    }
}

package io.taskvault.task.web;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import io.taskvault.task.Task;
import io.taskvault.task.TaskPage;
import io.taskvault.task.TaskQuery;
import io.taskvault.task.TaskService;
import io.taskvault.task.TaskState;

/** Runs a bulk action over chosen tasks or over every task a filter matches, one task at a time through TaskService. */
@Component
class BulkTasks {

    //why: a whole-filter action walks the matches in pages so 100,000 tasks never sit in memory at once
    private static final int CHUNK = TaskQuery.MAX_LIMIT;

    private final TaskService tasks;

    BulkTasks(TaskService tasks) {
        this.tasks = tasks;
    }

    /** How many tasks the action would touch: the chosen ones, or all the filter matches. */
    long count(BulkAction action, List<String> chosen, TaskFilter filter) {
        tasks.checkMayMoveTo(action.target());
        if (!chosen.isEmpty()) {
            return new LinkedHashSet<>(chosen).size();
        }
        TaskQuery query = narrowed(action, filter.toQuery(1, 0));
        return query == null ? 0 : tasks.list(query).total();
    }

    //why: "retry all" on a filter means the failed ones in it; null when the filter's states leave nothing to act on
    private static TaskQuery narrowed(BulkAction action, TaskQuery query) {
        Set<TaskState> states = action.sources(query.states());
        return states.isEmpty() ? null : query.withStates(states);
    }

    BulkResult apply(BulkAction action, List<String> chosen, TaskFilter filter) {
        tasks.checkMayMoveTo(action.target());
        Set<String> refs = chosen.isEmpty() ? matching(action, filter) : new LinkedHashSet<>(chosen);
        List<String> changed = new ArrayList<>();
        List<BulkResult.Failure> failures = new ArrayList<>();
        for (String ref : refs) {
            try {
                Task task = action == BulkAction.RETRY
                        ? tasks.retry(ref, DashboardActor.current(), "bulk retry from the dashboard")
                        : tasks.transition(ref, action.target(), DashboardActor.current(), "bulk " + action.label().toLowerCase() + " from the dashboard");
                changed.add(task.getKey());
            } catch (AccessDeniedException e) {
                throw e;
            } catch (RuntimeException e) {
                failures.add(new BulkResult.Failure(ref, e.getMessage()));
            }
        }
        return new BulkResult(action, changed, failures);
    }

    //why: keys are read before any change, because the changes move tasks out of the filter and shift offsets
    private Set<String> matching(BulkAction action, TaskFilter filter) {
        Set<String> keys = new LinkedHashSet<>();
        TaskQuery query = narrowed(action, filter.toQuery(CHUNK, 0));
        if (query == null) {
            return keys;
        }
        String cursor = null;
        do {
            TaskPage page = tasks.list(cursor == null ? query : query.withCursor(cursor));
            page.tasks().forEach(t -> keys.add(t.getKey()));
            cursor = page.nextCursor();
        } while (cursor != null);
        return keys;
    }
}

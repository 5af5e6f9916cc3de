package io.taskvault.task.api;

import java.time.Instant;
import java.util.List;

import io.taskvault.task.InvalidTaskException;
import io.taskvault.task.Priority;
import io.taskvault.task.TaskQuery;
import io.taskvault.task.TaskState;

/** The REST search's parameters as the service's query: one reading for the search and the filtered export. */
public final class TaskSearchQuery {

    private TaskSearchQuery() {
    }

    public static TaskQuery of(List<TaskState> states, List<String> roles, List<String> providers,
                               List<Priority> priorities, List<String> tags, String search, Instant dateFrom,
                               Instant dateTo, Instant updatedFrom, Instant updatedTo, TaskQuery.SortField sort,
                               String order, int limit, int offset, String cursor) {
        if (!order.equalsIgnoreCase("asc") && !order.equalsIgnoreCase("desc")) {
            throw new InvalidTaskException("order", "'" + order + "' is not an order; use asc or desc");
        }
        if (limit < 1) {
            throw new InvalidTaskException("limit", "must be at least 1, not " + limit);
        }
        return new TaskQuery(TaskQuery.setOf(states), TaskQuery.setOf(roles), TaskQuery.setOf(providers),
                TaskQuery.setOf(priorities), TaskQuery.setOf(tags), search, dateFrom, dateTo, updatedFrom, updatedTo,
                sort, order.equalsIgnoreCase("desc"), limit, offset, cursor);
    }
}

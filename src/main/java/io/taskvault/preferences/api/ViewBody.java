package io.taskvault.preferences.api;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.taskvault.task.Priority;
import io.taskvault.task.TaskQuery;
import io.taskvault.task.TaskState;
import io.taskvault.task.api.TaskSearchQuery;

/**
 * A view's filters and sort as {@code PUT /api/views/{name}} takes them: the parameters of {@code GET /api/tasks}, in
 * either spelling, as JSON fields (a list or a single value).
 */
record ViewBody(List<TaskState> states, List<TaskState> state, List<String> roles, List<String> role,
                List<String> providers, List<String> provider, List<Priority> priorities, List<Priority> priority,
                List<String> tags, List<String> tag, String search, String q, String text,
                @JsonProperty("date_from") Instant dateFrom, Instant from, @JsonProperty("date_to") Instant dateTo,
                Instant to, @JsonProperty("updated_from") Instant updatedFrom,
                @JsonProperty("updated_to") Instant updatedTo, String sort, String order, List<String> storyId,
                List<String> epicId, List<String> persona) {

    /** The list query these filters make, read exactly as the search reads its parameters. */
    TaskQuery toQuery() {
        return TaskSearchQuery.of(TaskSearchQuery.both(states, state), TaskSearchQuery.both(roles, role),
                TaskSearchQuery.both(providers, provider), TaskSearchQuery.both(priorities, priority),
                TaskSearchQuery.both(tags, tag), TaskSearchQuery.first(search, q, text),
                TaskSearchQuery.first(dateFrom, from), TaskSearchQuery.first(dateTo, to), updatedFrom, updatedTo,
                sort, order, TaskQuery.DEFAULT_LIMIT, 0, null).withGroups(TaskQuery.setOf(storyId),
                TaskQuery.setOf(epicId), TaskQuery.setOf(persona));
    }
}

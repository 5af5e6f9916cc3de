package io.taskvault.task.api;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

import io.taskvault.task.InvalidTaskException;
import io.taskvault.task.Priority;
import io.taskvault.task.TaskQuery;
import io.taskvault.task.TaskState;
import io.taskvault.task.Vocabulary;

/** The REST search's parameters as the service's query: one reading for the search and the filtered export. */
public final class TaskSearchQuery {

    /** Every parameter the search reads, plural and singular spellings alike. */
    public static final Set<String> PARAMETERS = Set.of("states", "state", "roles", "role", "providers", "provider",
            "priorities", "priority", "tags", "tag", "search", "q", "text", "date_from", "from", "date_to", "to",
            "updated_from", "updated_to", "sort", "order", "limit", "offset", "cursor", "storyId", "epicId", "persona");

    private TaskSearchQuery() {
    }

    public static TaskQuery of(Set<TaskState> states, Set<String> roles, Set<String> providers, Set<Priority> priorities,
                               Set<String> tags, String text, Instant from, Instant to, Instant updatedFrom,
                               Instant updatedTo, String sort, String order, int limit, int offset, String cursor) {
        Boolean descending = order == null ? null : switch (order.strip().toLowerCase(Locale.ROOT)) {
            case "asc" -> false;
            case "desc" -> true;
            default -> throw new InvalidTaskException("order", "'" + order + "' is not an order; use asc or desc");
        };
        if (limit < 1) {
            throw new InvalidTaskException("limit", "must be at least 1, not " + limit);
        }
        Vocabulary.Sort sorted = sort == null ? new Vocabulary.Sort(TaskQuery.SortField.UPDATED, null)
                : Vocabulary.sort("sort", sort);
        return TaskQuery.builder().states(states).roles(roles).providers(providers).priorities(priorities).tags(tags)
                .text(text).createdBetween(from, to).updatedBetween(updatedFrom, updatedTo)
                .sortedBy(sorted.key(), sorted.descendingOr(descending == null ? Boolean.TRUE : descending))
                .page(limit, offset).cursor(cursor).build();
    }

    /** The first value given (blank text counts as not given). */
    @SafeVarargs
    public static <T> T first(T... values) {
        for (T value : values) {
            if (value != null && !(value instanceof String text && text.isBlank())) {
                return value;
            }
        }
        return null;
    }

    /** The values of a parameter's plural and singular spellings together. */
    public static <T> Set<T> both(Collection<T> plural, Collection<T> singular) {
        Set<T> all = new LinkedHashSet<>();
        if (plural != null) {
            all.addAll(plural);
        }
        if (singular != null) {
            all.addAll(singular);
        }
        return all;
    }
}

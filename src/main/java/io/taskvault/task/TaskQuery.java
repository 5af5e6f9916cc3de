package io.taskvault.task;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A filtered, sorted page of tasks. Empty collections and nulls mean "any".
 *
 * @param text     words that must all appear in the title or description (case-insensitive)
 * @param cursor   continue after the last task of the previous page (keyset paging), instead of offset
 * @param storyIds the stories a task may belong to (the pipeline's grouping keys, like {@code epicIds} and
 *                 {@code personas}); exact values, as stored
 */
public record TaskQuery(
        Set<TaskState> states, Set<String> roles, Set<String> providers, Set<Priority> priorities, Set<String> tags,
        String text, Instant createdFrom, Instant createdTo, Instant updatedFrom, Instant updatedTo,
        SortField sort, boolean descending, int limit, int offset, String cursor,
        Set<String> storyIds, Set<String> epicIds, Set<String> personas) {

    public static final int MAX_LIMIT = 500;
    public static final int DEFAULT_LIMIT = 50;

    public TaskQuery {
        states = states == null ? Set.of() : Set.copyOf(states);
        roles = clean(roles);
        providers = clean(providers);
        priorities = priorities == null ? Set.of() : Set.copyOf(priorities);
        tags = clean(tags);
        storyIds = clean(storyIds);
        epicIds = clean(epicIds);
        personas = clean(personas);
        text = text == null || text.isBlank() ? null : text.trim();
        sort = sort == null ? SortField.UPDATED : sort;
        if (limit <= 0) {
            limit = DEFAULT_LIMIT;
        }
        if (limit > MAX_LIMIT) {
            throw new InvalidTaskException("limit", "must be at most " + MAX_LIMIT + ", not " + limit);
        }
        if (offset < 0) {
            throw new InvalidTaskException("offset", "must not be negative");
        }
    }

    /** A query on every field but the grouping keys (story, epic, persona). */
    public TaskQuery(Set<TaskState> states, Set<String> roles, Set<String> providers, Set<Priority> priorities,
                     Set<String> tags, String text, Instant createdFrom, Instant createdTo, Instant updatedFrom,
                     Instant updatedTo, SortField sort, boolean descending, int limit, int offset, String cursor) {
        this(states, roles, providers, priorities, tags, text, createdFrom, createdTo, updatedFrom, updatedTo, sort,
                descending, limit, offset, cursor, null, null, null);
    }

    private static Set<String> clean(Set<String> values) {
        return values == null ? Set.of()
                : Set.copyOf(values.stream().filter(v -> v != null && !v.isBlank()).map(String::trim).toList());
    }

    /** Every task, newest change first. */
    public static TaskQuery all() {
        return new TaskQuery(null, null, null, null, null, null, null, null, null, null, null, true, DEFAULT_LIMIT, 0, null);
    }

    public TaskQuery withStates(Set<TaskState> newStates) {
        return new TaskQuery(newStates, roles, providers, priorities, tags, text, createdFrom, createdTo, updatedFrom,
                updatedTo, sort, descending, limit, offset, cursor, storyIds, epicIds, personas);
    }

    public TaskQuery withLimit(int newLimit, int newOffset) {
        return new TaskQuery(states, roles, providers, priorities, tags, text, createdFrom, createdTo, updatedFrom,
                updatedTo, sort, descending, newLimit, newOffset, cursor, storyIds, epicIds, personas);
    }

    public TaskQuery withCursor(String newCursor) {
        return new TaskQuery(states, roles, providers, priorities, tags, text, createdFrom, createdTo, updatedFrom,
                updatedTo, sort, descending, limit, 0, newCursor, storyIds, epicIds, personas);
    }

    public TaskQuery sortedBy(SortField field, boolean desc) {
        return new TaskQuery(states, roles, providers, priorities, tags, text, createdFrom, createdTo, updatedFrom,
                updatedTo, field, desc, limit, offset, cursor, storyIds, epicIds, personas);
    }

    public TaskQuery withText(String newText) {
        return new TaskQuery(states, roles, providers, priorities, tags, newText, createdFrom, createdTo, updatedFrom,
                updatedTo, sort, descending, limit, offset, cursor, storyIds, epicIds, personas);
    }

    public TaskQuery withTags(Set<String> newTags) {
        return new TaskQuery(states, roles, providers, priorities, newTags, text, createdFrom, createdTo, updatedFrom,
                updatedTo, sort, descending, limit, offset, cursor, storyIds, epicIds, personas);
    }

    public TaskQuery withRoles(Set<String> newRoles) {
        return new TaskQuery(states, newRoles, providers, priorities, tags, text, createdFrom, createdTo, updatedFrom,
                updatedTo, sort, descending, limit, offset, cursor, storyIds, epicIds, personas);
    }

    public TaskQuery createdBetween(Instant from, Instant to) {
        return new TaskQuery(states, roles, providers, priorities, tags, text, from, to, updatedFrom, updatedTo, sort,
                descending, limit, offset, cursor, storyIds, epicIds, personas);
    }

    /** Only tasks of these stories, epics and personas (an empty set or null leaves that key unfiltered). */
    public TaskQuery withGroups(Set<String> stories, Set<String> epics, Set<String> newPersonas) {
        return new TaskQuery(states, roles, providers, priorities, tags, text, createdFrom, createdTo, updatedFrom,
                updatedTo, sort, descending, limit, offset, cursor, stories, epics, newPersonas);
    }

    /** The fields a list can be sorted by, with the stored field each one sorts on. */
    public enum SortField {
        CREATED("createdAt"), UPDATED("updatedAt"), PRIORITY("priorityRank"), KEY("keyNumber"), TITLE("title"),
        STATE("state");

        private final String field;

        SortField(String field) {
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    /** Helper for callers holding plain lists. */
    public static <T> Set<T> setOf(List<T> values) {
        return values == null ? Set.of() : Set.copyOf(values);
    }
}

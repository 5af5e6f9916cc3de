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

    private static Set<String> clean(Set<String> values) {
        return values == null ? Set.of()
                : Set.copyOf(values.stream().filter(v -> v != null && !v.isBlank()).map(String::trim).toList());
    }

    /** Every task, newest change first. */
    public static TaskQuery all() {
        return builder().build();
    }

    /** A query described by name; what is not set matches every task, newest change first, one page of 50. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder that starts from this query. */
    public Builder toBuilder() {
        return new Builder().states(states).roles(roles).providers(providers).priorities(priorities).tags(tags)
                .text(text).createdBetween(createdFrom, createdTo).updatedBetween(updatedFrom, updatedTo)
                .sortedBy(sort, descending).page(limit, offset).cursor(cursor).groups(storyIds, epicIds, personas);
    }

    public TaskQuery withStates(Set<TaskState> newStates) {
        return toBuilder().states(newStates).build();
    }

    public TaskQuery withLimit(int newLimit, int newOffset) {
        return toBuilder().page(newLimit, newOffset).build();
    }

    /** The query continued after a cursor (keyset paging replaces the offset). */
    public TaskQuery withCursor(String newCursor) {
        return toBuilder().page(limit, 0).cursor(newCursor).build();
    }

    public TaskQuery sortedBy(SortField field, boolean desc) {
        return toBuilder().sortedBy(field, desc).build();
    }

    public TaskQuery withText(String newText) {
        return toBuilder().text(newText).build();
    }

    public TaskQuery withTags(Set<String> newTags) {
        return toBuilder().tags(newTags).build();
    }

    public TaskQuery withRoles(Set<String> newRoles) {
        return toBuilder().roles(newRoles).build();
    }

    public TaskQuery createdBetween(Instant from, Instant to) {
        return toBuilder().createdBetween(from, to).build();
    }

    /** Only tasks of these stories, epics and personas (an empty set or null leaves that key unfiltered). */
    public TaskQuery withGroups(Set<String> stories, Set<String> epics, Set<String> newPersonas) {
        return toBuilder().groups(stories, epics, newPersonas).build();
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

    /** Names each part of a query, so none is given by its position among eighteen; null and empty mean "any". */
    public static final class Builder {

        private Set<TaskState> states;
        private Set<String> roles;
        private Set<String> providers;
        private Set<Priority> priorities;
        private Set<String> tags;
        private String text;
        private Instant createdFrom;
        private Instant createdTo;
        private Instant updatedFrom;
        private Instant updatedTo;
        private SortField sort;
        private boolean descending = true;
        private int limit = DEFAULT_LIMIT;
        private int offset;
        private String cursor;
        private Set<String> storyIds;
        private Set<String> epicIds;
        private Set<String> personas;

        private Builder() {
        }

        public Builder states(Set<TaskState> values) {
            this.states = values;
            return this;
        }

        public Builder roles(Set<String> values) {
            this.roles = values;
            return this;
        }

        public Builder providers(Set<String> values) {
            this.providers = values;
            return this;
        }

        public Builder priorities(Set<Priority> values) {
            this.priorities = values;
            return this;
        }

        public Builder tags(Set<String> values) {
            this.tags = values;
            return this;
        }

        /** Words that must all appear in the title or description. */
        public Builder text(String words) {
            this.text = words;
            return this;
        }

        /** Created in this range, both ends inclusive (a null end is open). */
        public Builder createdBetween(Instant from, Instant to) {
            this.createdFrom = from;
            this.createdTo = to;
            return this;
        }

        /** Last changed in this range, both ends inclusive (a null end is open). */
        public Builder updatedBetween(Instant from, Instant to) {
            this.updatedFrom = from;
            this.updatedTo = to;
            return this;
        }

        public Builder sortedBy(SortField field, boolean desc) {
            this.sort = field;
            this.descending = desc;
            return this;
        }

        /** At most {@code size} tasks (0 for the default), after skipping {@code skip}. */
        public Builder page(int size, int skip) {
            this.limit = size;
            this.offset = skip;
            return this;
        }

        public Builder cursor(String after) {
            this.cursor = after;
            return this;
        }

        /** Only tasks of these stories, epics and personas. */
        public Builder groups(Set<String> stories, Set<String> epics, Set<String> forPersonas) {
            this.storyIds = stories;
            this.epicIds = epics;
            this.personas = forPersonas;
            return this;
        }

        public TaskQuery build() {
            return new TaskQuery(states, roles, providers, priorities, tags, text, createdFrom, createdTo, updatedFrom,
                    updatedTo, sort, descending, limit, offset, cursor, storyIds, epicIds, personas);
        }
    }

    /** Helper for callers holding plain lists. */
    public static <T> Set<T> setOf(List<T> values) {
        return values == null ? Set.of() : Set.copyOf(values);
    }
}

package io.taskvault.preferences;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.taskvault.task.Priority;
import io.taskvault.task.TaskQuery;
import io.taskvault.task.TaskQuery.SortField;
import io.taskvault.task.TaskState;

/**
 * What a saved view keeps of a list: the filters and sort of a {@link TaskQuery} (not its page). Empty sets and nulls
 * mean "any", as in the query.
 */
public record ViewFilter(Set<TaskState> states, Set<String> roles, Set<String> providers, Set<Priority> priorities,
                         Set<String> tags, String text, Instant createdFrom, Instant createdTo, Instant updatedFrom,
                         Instant updatedTo, SortField sort, boolean descending, Set<String> storyIds,
                         Set<String> epicIds, Set<String> personas) {

    public ViewFilter {
        states = copy(states);
        roles = copy(roles);
        providers = copy(providers);
        priorities = copy(priorities);
        tags = copy(tags);
        storyIds = copy(storyIds);
        epicIds = copy(epicIds);
        personas = copy(personas);
        sort = sort == null ? SortField.UPDATED : sort;
    }

    /** The filters and sort of a list's query. */
    public static ViewFilter of(TaskQuery query) {
        return new Builder().states(query.states()).roles(query.roles()).providers(query.providers())
                .priorities(query.priorities()).tags(query.tags()).text(query.text())
                .createdBetween(query.createdFrom(), query.createdTo())
                .updatedBetween(query.updatedFrom(), query.updatedTo()).sortedBy(query.sort(), query.descending())
                .groups(query.storyIds(), query.epicIds(), query.personas()).build();
    }

    /** This view as a list's query, at {@code limit} and {@code offset}. */
    public TaskQuery toQuery(int limit, int offset) {
        return TaskQuery.builder().states(states).roles(roles).providers(providers).priorities(priorities).tags(tags)
                .text(text).createdBetween(createdFrom, createdTo).updatedBetween(updatedFrom, updatedTo)
                .sortedBy(sort, descending).page(limit, offset).groups(storyIds, epicIds, personas).build();
    }

    /**
     * This view with every filter {@code given} sets in its place (a filter the caller leaves out keeps the view's),
     * and the given sort when {@code sortGiven}; page, limit and cursor are the caller's.
     */
    public TaskQuery overriddenBy(TaskQuery given, boolean sortGiven) {
        return given.toBuilder().states(either(given.states(), states)).roles(either(given.roles(), roles))
                .providers(either(given.providers(), providers)).priorities(either(given.priorities(), priorities))
                .tags(either(given.tags(), tags)).text(given.text() != null ? given.text() : text)
                .createdBetween(given.createdFrom() != null ? given.createdFrom() : createdFrom,
                        given.createdTo() != null ? given.createdTo() : createdTo)
                .updatedBetween(given.updatedFrom() != null ? given.updatedFrom() : updatedFrom,
                        given.updatedTo() != null ? given.updatedTo() : updatedTo)
                .sortedBy(sortGiven ? given.sort() : sort, sortGiven ? given.descending() : descending)
                .groups(either(given.storyIds(), storyIds), either(given.epicIds(), epicIds),
                        either(given.personas(), personas)).build();
    }

    /** The filters and sort in a line, in the list's words: {@code state FAILED · role backend · sort priority desc}. */
    public String summary() {
        List<String> parts = new ArrayList<>();
        part(parts, "state", states.stream().map(Enum::name).sorted().toList());
        part(parts, "role", roles.stream().sorted().toList());
        part(parts, "provider", providers.stream().sorted().toList());
        part(parts, "priority", priorities.stream().map(Enum::name).sorted().toList());
        part(parts, "tag", tags.stream().sorted().toList());
        part(parts, "story", storyIds.stream().sorted().toList());
        part(parts, "epic", epicIds.stream().sorted().toList());
        part(parts, "persona", personas.stream().sorted().toList());
        if (text != null) {
            parts.add("text '" + text + "'");
        }
        if (createdFrom != null || createdTo != null) {
            parts.add("created " + (createdFrom == null ? "" : createdFrom) + "…" + (createdTo == null ? "" : createdTo));
        }
        if (updatedFrom != null || updatedTo != null) {
            parts.add("updated " + (updatedFrom == null ? "" : updatedFrom) + "…" + (updatedTo == null ? "" : updatedTo));
        }
        parts.add("sort " + sort.name().toLowerCase(Locale.ROOT) + (descending ? " desc" : " asc"));
        return String.join(" · ", parts);
    }

    private static void part(List<String> parts, String name, List<String> values) {
        if (!values.isEmpty()) {
            parts.add(name + " " + String.join(",", values));
        }
    }

    private static <T> Set<T> either(Set<T> given, Set<T> saved) {
        return given.isEmpty() ? saved : given;
    }

    private static <T> Set<T> copy(Collection<T> values) {
        return values == null ? Set.of() : Set.copyOf(values);
    }

    //why: the store maps the record by its canonical constructor, so its components stay flat; this names them
    private static final class Builder {
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
        private boolean descending;
        private Set<String> storyIds;
        private Set<String> epicIds;
        private Set<String> personas;

        Builder states(Set<TaskState> value) {
            states = value;
            return this;
        }

        Builder roles(Set<String> value) {
            roles = value;
            return this;
        }

        Builder providers(Set<String> value) {
            providers = value;
            return this;
        }

        Builder priorities(Set<Priority> value) {
            priorities = value;
            return this;
        }

        Builder tags(Set<String> value) {
            tags = value;
            return this;
        }

        Builder text(String value) {
            text = value;
            return this;
        }

        Builder createdBetween(Instant from, Instant to) {
            createdFrom = from;
            createdTo = to;
            return this;
        }

        Builder updatedBetween(Instant from, Instant to) {
            updatedFrom = from;
            updatedTo = to;
            return this;
        }

        Builder sortedBy(SortField field, boolean desc) {
            sort = field;
            descending = desc;
            return this;
        }

        Builder groups(Set<String> stories, Set<String> epics, Set<String> personaNames) {
            storyIds = stories;
            epicIds = epics;
            personas = personaNames;
            return this;
        }

        ViewFilter build() {
            return new ViewFilter(states, roles, providers, priorities, tags, text, createdFrom, createdTo,
                    updatedFrom, updatedTo, sort, descending, storyIds, epicIds, personas);
        }
    }
}

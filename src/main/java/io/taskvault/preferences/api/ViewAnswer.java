package io.taskvault.preferences.api;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.web.util.UriComponentsBuilder;

import io.taskvault.preferences.SavedView;
import io.taskvault.preferences.ViewFilter;

/**
 * A saved view as the API shows it: its filters in the search's words (a body {@code PUT /api/views/{name}} takes
 * back as it is), a one-line summary, and the search that opens it.
 */
record ViewAnswer(String name, Map<String, Object> filter, String summary, Instant savedAt, String tasks) {

    static ViewAnswer of(SavedView view) {
        ViewFilter f = view.filter();
        Map<String, Object> filter = new LinkedHashMap<>();
        put(filter, "states", f.states().stream().map(Enum::name).sorted().toList());
        put(filter, "roles", f.roles().stream().sorted().toList());
        put(filter, "providers", f.providers().stream().sorted().toList());
        put(filter, "priorities", f.priorities().stream().map(Enum::name).sorted().toList());
        put(filter, "tags", f.tags().stream().sorted().toList());
        put(filter, "storyId", f.storyIds().stream().sorted().toList());
        put(filter, "epicId", f.epicIds().stream().sorted().toList());
        put(filter, "persona", f.personas().stream().sorted().toList());
        put(filter, "search", f.text());
        put(filter, "date_from", f.createdFrom());
        put(filter, "date_to", f.createdTo());
        put(filter, "updated_from", f.updatedFrom());
        put(filter, "updated_to", f.updatedTo());
        filter.put("sort", f.sort().name().toLowerCase(Locale.ROOT) + (f.descending() ? ":desc" : ":asc"));
        String tasks = UriComponentsBuilder.fromPath("/api/tasks").queryParam("view", view.name()).encode().toUriString();
        return new ViewAnswer(view.name(), filter, f.summary(), view.savedAt(), tasks);
    }

    private static void put(Map<String, Object> filter, String name, Object value) {
        if (value != null && !(value instanceof java.util.Collection<?> c && c.isEmpty())) {
            filter.put(name, value);
        }
    }
}

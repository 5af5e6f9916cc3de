package io.taskvault.preferences;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.stereotype.Service;

import io.taskvault.system.Spelling;
import io.taskvault.task.CreationDefaults;
import io.taskvault.task.InvalidTaskException;
import io.taskvault.task.SavedViews;
import io.taskvault.task.TaskDraft;
import io.taskvault.task.TaskQuery;
import io.taskvault.task.TaskService;

/** The current person's saved views and defaults, for every door; whose they are comes from {@link PreferenceOwner}. */
@Service
public class PreferencesService implements SavedViews, CreationDefaults {

    /** The most views one person keeps. */
    public static final int MAX_VIEWS = 200;
    //why: a name is a path segment in /api/views/{name} and a field name in the stored document (no '.' or '$')
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}_-]{0,63}");

    private final PreferencesStore store;
    private final TaskService tasks;
    private final Clock clock;

    PreferencesService(PreferencesStore store, TaskService tasks, Clock clock) {
        this.store = store;
        this.tasks = tasks;
        this.clock = clock;
    }

    /** The current person's preferences (empty ones if they saved nothing yet). */
    public UserPreferences mine() {
        String user = PreferenceOwner.current();
        return store.find(user).orElseGet(() -> UserPreferences.none(user));
    }

    /** The current person's saved views, by name. */
    public List<SavedView> views() {
        return new ArrayList<>(mine().views().values());
    }

    public SavedView view(String name) {
        UserPreferences mine = mine();
        SavedView view = mine.views().get(name);
        if (view == null) {
            throw new ViewNotFoundException(missing(name, mine));
        }
        return view;
    }

    /** Saves (or replaces) the view {@code name} with the filters and sort of {@code query}. */
    public SavedView saveView(String name, TaskQuery query) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new InvalidTaskException("name", "'" + (name == null ? "" : name)
                    + "' is not a view name: use 1-64 letters, digits, _ or -, starting with a letter or digit");
        }
        UserPreferences mine = mine();
        if (!mine.views().containsKey(name) && mine.views().size() >= MAX_VIEWS) {
            throw new InvalidTaskException("name", "you have " + MAX_VIEWS + " saved views, the most one person keeps;"
                    + " delete one first");
        }
        SavedView view = new SavedView(name, ViewFilter.of(query), clock.instant());
        store.putView(mine.user(), view);
        return view;
    }

    public void deleteView(String name) {
        UserPreferences mine = mine();
        if (!store.deleteView(mine.user(), name, clock.instant())) {
            throw new ViewNotFoundException(missing(name, mine));
        }
    }

    /** Sets both defaults; null or blank clears one. */
    public UserPreferences setDefaults(String role, String provider) {
        return putDefaults(mine(), role, provider);
    }

    public UserPreferences setDefaultRole(String role) {
        UserPreferences mine = mine();
        return putDefaults(mine, role, mine.defaultProvider());
    }

    public UserPreferences setDefaultProvider(String provider) {
        UserPreferences mine = mine();
        return putDefaults(mine, mine.defaultRole(), provider);
    }

    private UserPreferences putDefaults(UserPreferences mine, String role, String provider) {
        String r = trimmed(role);
        String p = trimmed(provider);
        try {
            tasks.checkRoleAndProvider(r, p);
        } catch (InvalidTaskException e) {
            Map<String, String> errors = new LinkedHashMap<>();
            e.errors().forEach((field, problem) -> errors.put(field.equals("role") ? "defaultRole"
                    : field.equals("provider") ? "defaultProvider" : field, problem));
            throw new InvalidTaskException(errors);
        }
        store.putDefaults(mine.user(), r, p, clock.instant());
        return mine();
    }

    @Override
    public TaskQuery open(String name, TaskQuery given, boolean sortGiven) {
        UserPreferences mine = mine();
        SavedView view = mine.views().get(name);
        if (view == null) {
            throw new InvalidTaskException("view", missing(name, mine));
        }
        return view.filter().overriddenBy(given, sortGiven);
    }

    @Override
    public List<String> names() {
        return List.copyOf(mine().views().keySet());
    }

    @Override
    public TaskDraft fill(TaskDraft draft) {
        UserPreferences mine = mine();
        if (mine.defaultRole() == null && mine.defaultProvider() == null) {
            return draft;
        }
        return draft.withDefaults(mine.defaultRole(), mine.defaultProvider());
    }

    private static String missing(String name, UserPreferences mine) {
        String problem = "no saved view '" + name + "'";
        if (mine.views().isEmpty()) {
            return problem + "; you have saved none yet";
        }
        String suggestion = Spelling.suggestion(name, mine.views().keySet(), "");
        return problem + (suggestion.isEmpty() ? "; your views: " + String.join(", ", mine.views().keySet()) : suggestion);
    }

    private static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}

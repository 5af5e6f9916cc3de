package io.taskvault.preferences.shell;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.annotation.Arguments;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

import io.taskvault.preferences.PreferencesService;
import io.taskvault.preferences.SavedView;
import io.taskvault.preferences.UserPreferences;
import io.taskvault.preferences.ViewNotFoundException;
import io.taskvault.system.Spelling;
import io.taskvault.system.shell.ShellJson;
import io.taskvault.task.InvalidTaskException;
import io.taskvault.task.shell.TaskListOptions;

/** Shell: saved views ({@code view save|delete}, {@code views}) and the defaults a new task gets ({@code prefs}). */
@Component
public class PreferencesCommands {

    private static final String GROUP = "Preferences";
    private static final String JSON = "print JSON for scripts";
    private static final Map<String, String> KEYS = Map.of("default-role", "the role", "default-provider", "the provider");

    private final PreferencesService preferences;
    private final ShellJson json;

    PreferencesCommands(PreferencesService preferences, ShellJson json) {
        this.preferences = preferences;
        this.json = json;
    }

    @Command(name = "view save", group = GROUP,
            description = "Save list's filters and sort under a name, to open again with 'list --view NAME' or on the dashboard",
            help = "view save failed-backend --state FAILED --role backend --sort priority   (saving a name again replaces it)")
    public void save(@Arguments List<String> words,
                     @Option(longName = "state", shortName = 's', description = "states, comma-separated or repeated") String state,
                     @Option(longName = "role", description = "roles") String role,
                     @Option(longName = "provider", description = "providers") String provider,
                     @Option(longName = "priority", description = "priorities") String priority,
                     @Option(longName = "tag", description = "tags (a task needs all of them)") String tag,
                     @Option(longName = "story", description = "story ids (storyId)") String story,
                     @Option(longName = "epic", description = "epic ids (epicId)") String epic,
                     @Option(longName = "persona", description = "personas") String persona,
                     @Option(longName = "text", shortName = 't', description = "words in the title or description") String text,
                     @Option(longName = "search", description = "the same as --text") String search,
                     @Option(longName = "from", description = "created on or after (2026-11-01)") String from,
                     @Option(longName = "to", description = "created on or before (2026-11-30)") String to,
                     @Option(longName = "sort", description = "as list's --sort") String sort,
                     @Option(longName = "json", description = JSON) boolean asJson,
                     CommandContext ctx) {
        String name = single(words, "view save", "name the view: view save NAME --state FAILED …");
        String filterWords = TaskListOptions.words(text, search);
        SavedView view = preferences.saveView(name, TaskListOptions.query(ctx, filterWords, from, to, sort, null));
        print(ctx, asJson ? json.write(view) : "Saved view '" + view.name() + "': " + view.filter().summary()
                + "\nOpen it with: list --view " + view.name());
    }

    @Command(name = "views", group = GROUP, description = "Your saved views: name, filters and sort",
            help = "views --json")
    public void views(@Option(longName = "json", description = JSON) boolean asJson, CommandContext ctx) {
        List<SavedView> views = preferences.views();
        if (asJson) {
            print(ctx, json.write(views));
            return;
        }
        if (views.isEmpty()) {
            print(ctx, "No saved views yet; 'view save NAME --state FAILED …' saves one");
            return;
        }
        int width = views.stream().mapToInt(v -> v.name().length()).max().orElse(4);
        StringBuilder out = new StringBuilder();
        views.forEach(v -> out.append(String.format("%-" + width + "s  %s%n", v.name(), v.filter().summary())));
        print(ctx, out.toString());
    }

    @Command(name = "view delete", group = GROUP, description = "Forget a saved view", help = "view delete failed-backend")
    public void delete(@Arguments List<String> words, CommandContext ctx) {
        String name = single(words, "view delete", "name the view to delete; 'views' lists yours");
        try {
            preferences.deleteView(name);
        } catch (ViewNotFoundException e) {
            throw new InvalidTaskException("view", e.getMessage());
        }
        print(ctx, "Deleted view '" + name + "'");
    }

    @Command(name = "prefs", group = GROUP, description = "Your preferences: the role and provider a task you create gets when it names none, your saved views",
            help = "prefs --json   (change with: prefs set default-role backend, prefs unset default-role)")
    public void show(@Option(longName = "json", description = JSON) boolean asJson, CommandContext ctx) {
        UserPreferences mine = preferences.mine();
        print(ctx, asJson ? json.write(mine) : describe(mine));
    }

    @Command(name = "prefs set", group = GROUP,
            description = "Set a default: default-role or default-provider, given to a task you create without one",
            help = "prefs set default-role backend   (or: prefs set default-provider claude)")
    public void set(@Arguments List<String> words, CommandContext ctx) {
        if (words == null || words.size() != 2) {
            throw new InvalidTaskException("prefs set", "takes a key and a value, e.g. prefs set default-role backend"
                    + " (quote a value with blanks)");
        }
        print(ctx, describe(put(key(words.get(0)), words.get(1))));
    }

    @Command(name = "prefs unset", group = GROUP, description = "Clear a default: default-role or default-provider",
            help = "prefs unset default-role")
    public void unset(@Arguments List<String> words, CommandContext ctx) {
        print(ctx, describe(put(key(single(words, "prefs unset", "name the default to clear: default-role or default-provider")), null)));
    }

    private UserPreferences put(String key, String value) {
        return key.equals("default-role") ? preferences.setDefaultRole(value) : preferences.setDefaultProvider(value);
    }

    private static String key(String word) {
        if (!KEYS.containsKey(word)) {
            throw new InvalidTaskException("key", "'" + word + "' is not a preference; use default-role or default-provider"
                    + Spelling.suggestion(word, KEYS.keySet(), ""));
        }
        return word;
    }

    private static String describe(UserPreferences mine) {
        Map<String, String> lines = new LinkedHashMap<>();
        lines.put("user", mine.user());
        lines.put("default-role", mine.defaultRole() == null ? "(none)" : mine.defaultRole());
        lines.put("default-provider", mine.defaultProvider() == null ? "(none)" : mine.defaultProvider());
        lines.put("views", mine.views().isEmpty() ? "(none)" : String.join(", ", mine.views().keySet()));
        StringBuilder out = new StringBuilder();
        lines.forEach((k, v) -> out.append(String.format("%-17s %s%n", k, v)));
        return out.toString();
    }

    private static String single(List<String> words, String command, String hint) {
        if (words == null || words.isEmpty()) {
            throw new InvalidTaskException(command, hint);
        }
        if (words.size() > 1) {
            throw new InvalidTaskException(command, "takes one name, got " + words.size() + " (" + String.join(" ", words) + ")");
        }
        return words.get(0);
    }

    private static void print(CommandContext ctx, String text) {
        PrintWriter out = ctx.outputWriter();
        out.println(text.endsWith("\n") ? text.substring(0, text.length() - 1) : text);
        out.flush();
    }
}

package io.taskvault.task.shell;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.annotation.Arguments;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

import io.taskvault.system.shell.ShellActor;
import io.taskvault.system.shell.ShellJson;
import io.taskvault.system.shell.ShellUsageException;
import io.taskvault.task.Priority;
import io.taskvault.task.SavedViews;
import io.taskvault.task.Task;
import io.taskvault.task.TaskDraft;
import io.taskvault.task.TaskPage;
import io.taskvault.task.TaskQuery;
import io.taskvault.task.TaskService;

/** Creating, finding, reading and editing tasks at the shell. */
@Component
public class TaskCommands {

    static final String GROUP = "Tasks";
    private static final String SORT = "created, updated, priority, key, title or state; add :asc or :desc";
    private final TaskService tasks;
    private final TaskScreen view;
    private final ShellJson json;
    private final ObjectProvider<SavedViews> views;

    TaskCommands(TaskService tasks, TaskScreen view, ShellJson json, ObjectProvider<SavedViews> views) {
        this.tasks = tasks;
        this.view = view;
        this.json = json;
        this.views = views;
    }

    @Command(name = "add", group = GROUP, description = "Create a task (the words are its title)",
            help = "add Fix the login redirect --role backend --priority HIGH --tags auth,bug",
            completionProvider = "taskCompletion")
    public void add(@Arguments List<String> words,
                    @Option(longName = "title", description = "the title, instead of the words") String title,
                    @Option(longName = "description", shortName = 'd', description = "what to do, in detail") String description,
                    @Option(longName = "role", description = "who should do it, e.g. backend") String role,
                    @Option(longName = "priority", shortName = 'p', description = "LOW, MEDIUM, HIGH or CRITICAL") String priority,
                    @Option(longName = "tags", description = "comma-separated tags") String tags,
                    @Option(longName = "provider", description = "the AI provider, e.g. claude") String provider,
                    @Option(longName = "model", description = "the model, e.g. sonnet") String model,
                    @Option(longName = "assignee", description = "who works on it") String assignee,
                    @Option(longName = "depends-on", description = "comma-separated keys it waits for") String dependsOn,
                    @Option(longName = "json", description = "print the task as JSON") boolean asJson,
                    CommandContext ctx) {
        String fullTitle = title != null ? title : String.join(" ", words == null ? List.of() : words);
        TaskDraft draft = TaskDraft.builder(fullTitle).description(description).role(role)
                .priority(ShellOptions.oneOf(Priority.class, "priority", priority))
                .tags(tags == null ? null : new ArrayList<>(ShellOptions.csv(List.of(tags)))).assignee(assignee)
                .ai(provider, model)
                .dependsOn(dependsOn == null ? null : new ArrayList<>(ShellOptions.csv(List.of(dependsOn)))).build();
        Task task = tasks.create(draft, ShellActor.name());
        print(ctx, asJson ? json.write(task) : "Created " + task.getKey() + " " + view.stateOf(task) + "  " + task.getTitle());
    }

    @Command(name = "list", alias = "ls", group = GROUP, description = "List tasks, filtered and sorted",
            help = "list --state RUNNING,QUEUED --role backend --tag auth --story STORY-7 --from 2026-11-01 --sort priority --limit 20"
                    + "   (or: list --view NAME, a saved view; options given with it replace the view's)",
            completionProvider = "taskCompletion")
    public void list(@Option(longName = "state", shortName = 's', description = "states, comma-separated or repeated") String state,
                     @Option(longName = "role", description = "roles") String role,
                     @Option(longName = "provider", description = "providers") String provider,
                     @Option(longName = "priority", description = "priorities") String priority,
                     @Option(longName = "tag", description = "tags (a task needs all of them)") String tag,
                     @Option(longName = "story", description = "story ids (storyId), comma-separated or repeated") String story,
                     @Option(longName = "epic", description = "epic ids (epicId)") String epic,
                     @Option(longName = "persona", description = "personas") String persona,
                     @Option(longName = "text", shortName = 't', description = "words in the title or description") String text,
                     @Option(longName = "search", description = "the same as --text") String search,
                     @Option(longName = "from", description = "created on or after (2026-11-01)") String from,
                     @Option(longName = "to", description = "created on or before (2026-11-30)") String to,
                     @Option(longName = "sort", description = SORT) String sort,
                     @Option(longName = "limit", shortName = 'n', description = "at most this many (500 max)") Integer limit,
                     @Option(longName = "view", description = "a saved view ('views' lists yours); the filters given with it replace the view's") String savedView,
                     @Option(longName = "json", description = "print the tasks as JSON") boolean asJson,
                     CommandContext ctx) {
        TaskQuery query = TaskListOptions.query(ctx, TaskListOptions.words(text, search), from, to, sort, limit);
        if (savedView != null) {
            query = views.getObject().open(savedView.strip(), query, sort != null);
        }
        TaskPage page = tasks.list(query);
        if (asJson) {
            print(ctx, json.write(page));
            return;
        }
        print(ctx, view.table(page.tasks()) + view.footer(page));
    }

    @Command(name = "show", alias = "info", group = GROUP,
            description = "Everything about a task: fields, dependencies, recent history, outputs, chain",
            help = "show TV-42   (or: show 42, show 3f2a9c)", completionProvider = "taskCompletion")
    public void show(@Arguments List<String> refs,
                     @Option(longName = "json", description = "print the task as JSON") boolean asJson,
                     CommandContext ctx) {
        String ref = single(refs, "show");
        //why: the task, its history and outputs from one lookup; each read alone would resolve the reference again
        print(ctx, asJson ? json.write(tasks.get(ref)) : view.details(tasks.detail(ref)));
    }

    @Command(name = "edit", group = GROUP, description = "Change a task's fields",
            help = "edit TV-42 --set priority=HIGH --set title=\"New title\"   (or --set priority=HIGH,tags=a,b; an empty value clears)",
            completionProvider = "taskCompletion")
    public void edit(@Arguments List<String> refs,
                     @Option(longName = "set", description = "field=value, repeatable or comma-separated") String set,
                     @Option(longName = "json", description = "print the task as JSON") boolean asJson,
                     CommandContext ctx) {
        String ref = single(refs, "edit");
        Map<String, Object> patch = ShellOptions.assignments("set", ShellOptions.all(ctx, "set"));
        if (patch.isEmpty()) {
            throw new ShellUsageException("edit: name what to change with --set field=value (e.g. --set priority=HIGH)");
        }
        Task task = tasks.update(ref, patch, ShellActor.name(), null);
        print(ctx, asJson ? json.write(task) : "Updated " + task.getKey() + " (" + String.join(", ", patch.keySet())
                + ") now at version " + task.getVersion());
    }

    static String single(List<String> refs, String command) {
        if (refs == null || refs.isEmpty()) {
            throw new ShellUsageException(command + ": name a task by key (TV-42), number (42) or id prefix");
        }
        if (refs.size() > 1) {
            throw new ShellUsageException(command + ": takes one task, got " + refs.size() + " (" + String.join(" ", refs)
                    + "); quote values with blanks");
        }
        return refs.get(0);
    }

    static void print(CommandContext ctx, String text) {
        PrintWriter out = ctx.outputWriter();
        out.println(text.endsWith("\n") ? text.substring(0, text.length() - 1) : text);
        out.flush();
    }
}

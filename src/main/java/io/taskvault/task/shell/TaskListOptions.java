package io.taskvault.task.shell;

import org.springframework.shell.core.command.CommandContext;

import io.taskvault.system.shell.ShellUsageException;
import io.taskvault.task.InvalidTaskException;
import io.taskvault.task.Priority;
import io.taskvault.task.TaskQuery;
import io.taskvault.task.TaskState;
import io.taskvault.task.Vocabulary;

/**
 * The task list's filter options as the service's query, read one way by {@code list} and by every command that
 * takes the list's filters ({@code export tasks}, {@code view save}).
 */
public final class TaskListOptions {

    private TaskListOptions() {
    }

    /**
     * The word search from {@code --text} or {@code --search}, the name the API and the dashboard also take; refused
     * when both are given words. A blank one is no filter, as on the API.
     */
    public static String words(String text, String search) {
        boolean byText = text != null && !text.isBlank();
        if (byText && search != null && !search.isBlank()) {
            throw new ShellUsageException("--text and --search are the same filter; give one of them");
        }
        return byText ? text : search;
    }

    /**
     * The query from {@code text, from, to, sort, limit} and the options {@code state, role, provider, priority, tag,
     * story, epic, persona} read from ctx, each comma-separated or repeated.
     */
    public static TaskQuery query(CommandContext ctx, String text, String from, String to, String sort, Integer limit) {
        Vocabulary.Sort sorted;
        try {
            sorted = sort == null ? new Vocabulary.Sort(TaskQuery.SortField.UPDATED, null) : Vocabulary.sort("sort", sort);
        } catch (InvalidTaskException e) {
            throw new ShellUsageException("--sort: " + e.errors().get("sort"));
        }
        return TaskQuery.builder()
                .states(ShellOptions.someOf(TaskState.class, "state", ShellOptions.all(ctx, "state")))
                .roles(ShellOptions.csv(ShellOptions.all(ctx, "role")))
                .providers(ShellOptions.csv(ShellOptions.all(ctx, "provider")))
                .priorities(ShellOptions.someOf(Priority.class, "priority", ShellOptions.all(ctx, "priority")))
                .tags(ShellOptions.csv(ShellOptions.all(ctx, "tag"))).text(text)
                .createdBetween(ShellOptions.instant("from", from, false), ShellOptions.instant("to", to, true))
                .sortedBy(sorted.key(), sorted.descendingOr(null))
                .page(ShellOptions.positive("limit", limit, TaskQuery.DEFAULT_LIMIT), 0)
                .groups(ShellOptions.csv(ShellOptions.all(ctx, "story")), ShellOptions.csv(ShellOptions.all(ctx, "epic")),
                        ShellOptions.csv(ShellOptions.all(ctx, "persona"))).build();
    }
}

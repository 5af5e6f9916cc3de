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
        return new TaskQuery(ShellOptions.someOf(TaskState.class, "state", ShellOptions.all(ctx, "state")),
                ShellOptions.csv(ShellOptions.all(ctx, "role")), ShellOptions.csv(ShellOptions.all(ctx, "provider")),
                ShellOptions.someOf(Priority.class, "priority", ShellOptions.all(ctx, "priority")),
                ShellOptions.csv(ShellOptions.all(ctx, "tag")), text, ShellOptions.instant("from", from, false),
                ShellOptions.instant("to", to, true), null, null, sorted.key(), sorted.descendingOr(null),
                ShellOptions.positive("limit", limit, TaskQuery.DEFAULT_LIMIT), 0, null)
                .withGroups(ShellOptions.csv(ShellOptions.all(ctx, "story")), ShellOptions.csv(ShellOptions.all(ctx, "epic")),
                        ShellOptions.csv(ShellOptions.all(ctx, "persona")));
    }
}

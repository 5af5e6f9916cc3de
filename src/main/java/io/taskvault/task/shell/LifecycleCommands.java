package io.taskvault.task.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.annotation.Arguments;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

import io.taskvault.system.shell.Confirmation;
import io.taskvault.system.shell.ShellActor;
import io.taskvault.system.shell.ShellFailure;
import io.taskvault.system.shell.ShellJson;
import io.taskvault.system.shell.ShellStyle;
import io.taskvault.system.shell.ShellUsageException;
import io.taskvault.task.Task;
import io.taskvault.task.TaskService;
import io.taskvault.task.TaskState;

/** Moving tasks through their lifecycle; each command takes one or more tasks. */
@Component
class LifecycleCommands {

    static final String GROUP = "Lifecycle";
    private static final String REASON = "why, recorded in the task's history";
    private static final String YES = "do not ask before changing several tasks, cancelling or archiving";
    private static final String JSON = "print the changed task as JSON";
    private final TaskService tasks;
    private final TaskScreen view;
    private final ShellJson json;
    private final ShellStyle style;

    LifecycleCommands(TaskService tasks, TaskScreen view, ShellJson json, ShellStyle style) {
        this.tasks = tasks;
        this.view = view;
        this.json = json;
        this.style = style;
    }

    @Command(name = "queue", group = GROUP, description = "PENDING → QUEUED: ready to be picked up",
            help = "queue TV-1 TV-2 --yes", completionProvider = "taskCompletion")
    public void queue(@Arguments List<String> refs, @Option(longName = "reason", description = REASON) String reason,
                      @Option(longName = "yes", shortName = 'y', description = YES) boolean yes,
                      @Option(longName = "json", description = JSON) boolean asJson, CommandContext ctx) {
        move(ctx, refs, "queue", false, yes, asJson, ref -> tasks.transition(ref, TaskState.QUEUED, ShellActor.name(), reason));
    }

    @Command(name = "start", group = GROUP, description = "QUEUED → RUNNING", help = "start TV-1",
            completionProvider = "taskCompletion")
    public void start(@Arguments List<String> refs, @Option(longName = "reason", description = REASON) String reason,
                      @Option(longName = "yes", shortName = 'y', description = YES) boolean yes,
                      @Option(longName = "json", description = JSON) boolean asJson, CommandContext ctx) {
        move(ctx, refs, "start", false, yes, asJson, ref -> tasks.transition(ref, TaskState.RUNNING, ShellActor.name(), reason));
    }

    @Command(name = "complete", alias = "done", group = GROUP, description = "RUNNING → COMPLETED",
            help = "complete TV-1 --reason \"merged in #12\"", completionProvider = "taskCompletion")
    public void complete(@Arguments List<String> refs, @Option(longName = "reason", description = REASON) String reason,
                         @Option(longName = "yes", shortName = 'y', description = YES) boolean yes,
                         @Option(longName = "json", description = JSON) boolean asJson, CommandContext ctx) {
        move(ctx, refs, "complete", false, yes, asJson,
                ref -> tasks.transition(ref, TaskState.COMPLETED, ShellActor.name(), reason));
    }

    @Command(name = "fail", group = GROUP, description = "RUNNING → FAILED, with the reason",
            help = "fail TV-1 --reason \"tests red on CI\"", completionProvider = "taskCompletion")
    public void fail(@Arguments List<String> refs,
                     @Option(longName = "reason", required = true, description = "why it failed") String reason,
                     @Option(longName = "yes", shortName = 'y', description = YES) boolean yes,
                     @Option(longName = "json", description = JSON) boolean asJson, CommandContext ctx) {
        move(ctx, refs, "fail", false, yes, asJson, ref -> tasks.transition(ref, TaskState.FAILED, ShellActor.name(), reason));
    }

    @Command(name = "cancel", group = GROUP, description = "Stop a task for good (asks first)",
            help = "cancel TV-1 --reason \"duplicate of TV-3\" --yes", completionProvider = "taskCompletion")
    public void cancel(@Arguments List<String> refs, @Option(longName = "reason", description = REASON) String reason,
                       @Option(longName = "yes", shortName = 'y', description = YES) boolean yes,
                       @Option(longName = "json", description = JSON) boolean asJson, CommandContext ctx) {
        move(ctx, refs, "cancel", true, yes, asJson,
                ref -> tasks.transition(ref, TaskState.CANCELLED, ShellActor.name(), reason));
    }

    @Command(name = "retry", group = GROUP, description = "FAILED or INTERRUPTED → PENDING, for another attempt",
            help = "retry TV-1 --reason \"flaky test fixed\"", completionProvider = "taskCompletion")
    public void retry(@Arguments List<String> refs, @Option(longName = "reason", description = REASON) String reason,
                      @Option(longName = "yes", shortName = 'y', description = YES) boolean yes,
                      @Option(longName = "json", description = JSON) boolean asJson, CommandContext ctx) {
        move(ctx, refs, "retry", false, yes, asJson, ref -> tasks.retry(ref, ShellActor.name(), reason));
    }

    @Command(name = "block", group = GROUP, description = "PENDING or QUEUED → BLOCKED",
            help = "block TV-1 --reason \"waiting for the API key\"", completionProvider = "taskCompletion")
    public void block(@Arguments List<String> refs, @Option(longName = "reason", description = REASON) String reason,
                      @Option(longName = "yes", shortName = 'y', description = YES) boolean yes,
                      @Option(longName = "json", description = JSON) boolean asJson, CommandContext ctx) {
        move(ctx, refs, "block", false, yes, asJson, ref -> tasks.transition(ref, TaskState.BLOCKED, ShellActor.name(), reason));
    }

    @Command(name = "unblock", group = GROUP, description = "BLOCKED → PENDING", help = "unblock TV-1",
            completionProvider = "taskCompletion")
    public void unblock(@Arguments List<String> refs, @Option(longName = "reason", description = REASON) String reason,
                        @Option(longName = "yes", shortName = 'y', description = YES) boolean yes,
                        @Option(longName = "json", description = JSON) boolean asJson, CommandContext ctx) {
        move(ctx, refs, "unblock", false, yes, asJson,
                ref -> tasks.transition(ref, TaskState.PENDING, ShellActor.name(), reason == null ? "unblocked" : reason));
    }

    @Command(name = "archive", group = GROUP, description = "Put a finished task away (asks first)",
            help = "archive TV-1 TV-2 --yes", completionProvider = "taskCompletion")
    public void archive(@Arguments List<String> refs, @Option(longName = "reason", description = REASON) String reason,
                        @Option(longName = "yes", shortName = 'y', description = YES) boolean yes,
                        @Option(longName = "json", description = JSON) boolean asJson, CommandContext ctx) {
        move(ctx, refs, "archive", true, yes, asJson,
                ref -> tasks.transition(ref, TaskState.ARCHIVED, ShellActor.name(), reason));
    }

    @Command(name = "restore", group = GROUP, description = "Bring an archived task back to the state it had",
            help = "restore TV-1", completionProvider = "taskCompletion")
    public void restore(@Arguments List<String> refs,
                        @Option(longName = "yes", shortName = 'y', description = YES) boolean yes,
                        @Option(longName = "json", description = JSON) boolean asJson, CommandContext ctx) {
        move(ctx, refs, "restore", false, yes, asJson, ref -> tasks.restore(ref, ShellActor.name()));
    }

    /** Applies one move to each task; asks first when it is destructive or touches more than one task. */
    private void move(CommandContext ctx, List<String> refs, String verb, boolean destructive, boolean yes, boolean asJson,
                      Function<String, Task> action) {
        if (refs == null || refs.isEmpty()) {
            throw new ShellUsageException(verb + ": name at least one task by key (TV-42), number (42) or id prefix");
        }
        if ((destructive || refs.size() > 1)
                && !Confirmation.confirmed(ctx, yes, verb + " " + describe(refs) + "?")) {
            TaskCommands.print(ctx, "Nothing changed.");
            return;
        }
        if (refs.size() == 1) {
            Task task = action.apply(refs.get(0));
            TaskCommands.print(ctx, asJson ? json.write(task) : done(task));
            return;
        }
        List<Task> moved = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (String ref : refs) {
            try {
                Task task = action.apply(ref);
                moved.add(task);
                if (!asJson) {
                    TaskCommands.print(ctx, done(task));
                }
            } catch (RuntimeException e) {
                failures.add(ref);
                TaskCommands.print(ctx, style.error(ref + ": " + ShellFailure.of(e).message()));
            }
        }
        if (asJson) {
            TaskCommands.print(ctx, json.write(moved));
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException(verb + ": " + failures.size() + " of " + refs.size()
                    + " tasks were not changed (" + String.join(", ", failures) + ")");
        }
    }

    private String done(Task task) {
        return task.getKey() + " is now " + view.stateOf(task) + "  " + task.getTitle();
    }

    private static String describe(List<String> refs) {
        return refs.size() == 1 ? refs.get(0) : refs.size() + " tasks (" + String.join(", ", refs) + ")";
    }
}

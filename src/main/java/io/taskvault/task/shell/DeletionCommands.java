package io.taskvault.task.shell;

import java.util.List;

import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.annotation.Arguments;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

import io.taskvault.system.shell.Confirmation;
import io.taskvault.system.shell.ShellActor;
import io.taskvault.system.shell.ShellJson;
import io.taskvault.system.shell.ShellStyle;
import io.taskvault.system.shell.Table;
import io.taskvault.task.TaskService;
import io.taskvault.task.deletion.Tombstone;

/** Deleting a task for good (ADMIN) and listing the tombstones every delete leaves. */
@Component
class DeletionCommands {

    private final TaskService tasks;
    private final ShellJson json;
    private final ShellStyle style;

    DeletionCommands(TaskService tasks, ShellJson json, ShellStyle style) {
        this.tasks = tasks;
        this.json = json;
        this.style = style;
    }

    @Command(name = "delete", group = LifecycleCommands.GROUP,
            description = "Delete a task for good: history, outputs, context and edges go, a tombstone stays (ADMIN; asks first)",
            help = "delete TV-12 --reason \"created by mistake\" --yes", completionProvider = "taskCompletion")
    public void delete(@Arguments List<String> refs,
                       @Option(longName = "reason", required = true, description = "why it is deleted, kept in its tombstone") String reason,
                       @Option(longName = "yes", shortName = 'y', description = "do not ask before deleting") boolean yes,
                       @Option(longName = "json", description = "print the tombstone as JSON") boolean asJson,
                       CommandContext ctx) {
        String ref = TaskCommands.single(refs, "delete");
        if (!Confirmation.confirmed(ctx, yes, "delete " + ref + " for good, with its history, outputs, context and edges?")) {
            TaskCommands.print(ctx, "Nothing changed.");
            return;
        }
        Tombstone tombstone = tasks.delete(ref, ShellActor.name(), reason);
        TaskCommands.print(ctx, asJson ? json.write(tombstone) : style.ok("Deleted " + tombstone.key() + "  "
                + tombstone.title()) + "\n" + style.dim(describe(tombstone)));
    }

    @Command(name = "tombstones", alias = "deleted", group = ReportCommands.GROUP,
            description = "The deleted tasks, newest first: who deleted what, when and why",
            help = "tombstones --limit 10")
    public void tombstones(@Option(longName = "limit", shortName = 'n', description = "at most this many (default 20, up to 500)") Integer limit,
                           @Option(longName = "json", description = "print JSON for scripts") boolean asJson,
                           CommandContext ctx) {
        int max = ShellOptions.positive("limit", limit, 20);
        List<Tombstone> found = tasks.tombstones(max);
        if (asJson) {
            TaskCommands.print(ctx, json.write(found));
            return;
        }
        Table table = new Table("KEY", "DELETED", "BY", "STATE", "REASON", "TITLE").flex(5);
        found.forEach(t -> table.row(t.key(), t.deletedAt(), t.deletedBy(), t.state() + (t.archived() ? " (archived)" : ""),
                t.reason(), t.title()));
        TaskCommands.print(ctx, found.isEmpty() ? "No task has been deleted." : table.render(style.width()));
    }

    private static String describe(Tombstone t) {
        return "by " + t.deletedBy() + " at " + t.deletedAt() + (t.archived() ? " (it was archived)" : "")
                + "; reason: " + t.reason() + "\nhistory chain: " + t.events() + " events, head "
                + (t.headHash() == null ? "(none)" : t.headHash().substring(0, Math.min(12, t.headHash().length())))
                + "; 'tombstones' lists every deleted task";
    }
}

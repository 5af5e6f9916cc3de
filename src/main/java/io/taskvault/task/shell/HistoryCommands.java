package io.taskvault.task.shell;

import java.util.ArrayList;
import java.util.List;

import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.annotation.Arguments;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

import io.taskvault.system.shell.ShellActor;
import io.taskvault.system.shell.ShellJson;
import io.taskvault.system.shell.ShellStyle;
import io.taskvault.system.shell.ShellUsageException;
import io.taskvault.system.shell.ProgressBar;
import io.taskvault.task.Task;
import io.taskvault.task.TaskPage;
import io.taskvault.task.TaskQuery;
import io.taskvault.task.TaskService;
import io.taskvault.task.history.ChainReport;
import io.taskvault.task.history.HistoryEvent;

/** A task's recorded past: notes, the history with field diffs, and the hash chain that guards it. */
@Component
class HistoryCommands {

    static final String GROUP = "History";
    private final TaskService tasks;
    private final TaskScreen view;
    private final ShellJson json;
    private final ShellStyle style;

    HistoryCommands(TaskService tasks, TaskScreen view, ShellJson json, ShellStyle style) {
        this.tasks = tasks;
        this.view = view;
        this.json = json;
        this.style = style;
    }

    @Command(name = "note", group = GROUP, description = "Add a note to a task's history",
            help = "note TV-1 \"asked the reviewer for a second look\"", completionProvider = "taskCompletion")
    public void note(@Arguments List<String> words,
                    @Option(longName = "json", description = "print JSON for scripts") boolean asJson,
                    CommandContext ctx) {
        if (words == null || words.size() < 2) {
            throw new ShellUsageException("note: give the task and the text, e.g. note TV-1 \"waiting for review\"");
        }
        HistoryEvent event = tasks.addNote(words.get(0), String.join(" ", words.subList(1, words.size())), ShellActor.name());
        TaskCommands.print(ctx, asJson ? json.write(event) : "Noted on " + words.get(0) + " as event #" + event.seq());
    }

    @Command(name = "history", alias = "log", group = GROUP,
            description = "A task's history, oldest first, with every changed field and the chain's status",
            help = "history TV-1 --limit 20", completionProvider = "taskCompletion")
    public void history(@Arguments List<String> refs,
                        @Option(longName = "limit", shortName = 'n', description = "only the last N events") Integer limit,
                        @Option(longName = "json", description = "print JSON for scripts") boolean asJson, CommandContext ctx) {
        String ref = TaskCommands.single(refs, "history");
        Task task = tasks.get(ref);
        List<HistoryEvent> events = tasks.history(task.getId());
        int n = ShellOptions.positive("limit", limit, Integer.MAX_VALUE);
        List<HistoryEvent> shown = events.subList(Math.max(0, events.size() - n), events.size());
        if (asJson) {
            TaskCommands.print(ctx, json.write(shown));
            return;
        }
        StringBuilder out = new StringBuilder(style.bold(task.getKey() + "  " + task.getTitle())).append('\n');
        shown.forEach(e -> out.append(view.event(e, true)));
        out.append(style.bold("Chain")).append("  ").append(view.chain(task));
        TaskCommands.print(ctx, out.toString());
    }

    @Command(name = "verify", group = GROUP,
            description = "Check the hash chain of one task, or of every task when none is named",
            help = "verify TV-1   (or: verify, for all tasks)", completionProvider = "taskCompletion")
    public void verify(@Arguments List<String> refs,
                    @Option(longName = "json", description = "print JSON for scripts") boolean asJson,
                    CommandContext ctx) {
        List<ChainReport> reports = new ArrayList<>();
        if (refs != null && !refs.isEmpty()) {
            refs.forEach(ref -> reports.add(tasks.verify(ref)));
        } else {
            TaskQuery query = TaskQuery.all().sortedBy(TaskQuery.SortField.KEY, false).withLimit(TaskQuery.MAX_LIMIT, 0);
            TaskPage page = tasks.list(query);
            ProgressBar progress = new ProgressBar(ctx.outputWriter(), "verifying", page.total(), style.terminal());
            while (true) {
                page.tasks().forEach(t -> {
                    reports.add(tasks.verify(t.getId()));
                    progress.step();
                });
                if (page.nextCursor() == null) {
                    break;
                }
                page = tasks.list(query.withCursor(page.nextCursor()));
            }
            progress.finish();
        }
        long broken = reports.stream().filter(r -> !r.intact()).count();
        if (asJson) {
            TaskCommands.print(ctx, json.write(reports));
        } else {
            StringBuilder out = new StringBuilder();
            reports.stream().filter(r -> !r.intact() || reports.size() == 1)
                    .forEach(r -> out.append(r.taskKey()).append("  ")
                            .append(r.intact() ? style.ok(r.summary()) : style.error(r.summary())).append('\n'));
            out.append(reports.size()).append(" task").append(reports.size() == 1 ? "" : "s").append(" checked, ")
                    .append(broken == 0 ? style.ok("all chains intact") : style.error(broken + " broken"));
            TaskCommands.print(ctx, out.toString());
        }
        if (broken > 0) {
            throw new IllegalStateException(broken + " task histories failed verification; see above");
        }
    }
}

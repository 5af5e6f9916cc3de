package io.taskvault.task.shell;

import java.util.List;
import java.util.Map;

import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.annotation.Arguments;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

import io.taskvault.system.shell.ShellJson;
import io.taskvault.system.shell.ShellSession;
import io.taskvault.system.shell.ShellSessions;
import io.taskvault.system.shell.ShellStyle;
import io.taskvault.system.shell.ShellUsageException;
import io.taskvault.system.shell.Table;
import io.taskvault.task.TaskService;
import io.taskvault.task.TaskState;
import io.taskvault.task.TaskStatistics;

/** Overviews: task statistics and the record of shell sessions. */
@Component
class ReportCommands {

    static final String GROUP = "Reports";
    private final TaskService tasks;
    private final ShellSessions sessions;
    private final ShellJson json;
    private final ShellStyle style;

    ReportCommands(TaskService tasks, ShellSessions sessions, ShellJson json, ShellStyle style) {
        this.tasks = tasks;
        this.sessions = sessions;
        this.json = json;
        this.style = style;
    }

    @Command(name = "stats", group = GROUP, description = "Counts by state, role and provider; completion and failure rates; average complexity",
            help = "stats --json")
    public void stats(@Option(longName = "json", description = "print JSON for scripts") boolean asJson, CommandContext ctx) {
        TaskStatistics stats = tasks.statistics();
        if (asJson) {
            TaskCommands.print(ctx, json.write(stats));
            return;
        }
        StringBuilder out = new StringBuilder(style.bold(stats.total() + " tasks")).append('\n');
        out.append("  by state     ");
        for (TaskState state : TaskState.values()) {
            long n = stats.byState().getOrDefault(state, 0L);
            if (n > 0) {
                out.append(StateStyle.state(style, state)).append(' ').append(n).append("  ");
            }
        }
        out.append('\n').append("  by role      ").append(counts(stats.byRole())).append('\n');
        out.append("  by provider  ").append(counts(stats.byProvider())).append('\n');
        out.append(String.format("  completed    %.0f%% of finished tasks, failed %.0f%%%n", stats.completionRate() * 100,
                stats.failureRate() * 100));
        out.append("  complexity   ").append(stats.averageComplexity() == null ? "none scored"
                : String.format("%.1f on average over %d scored tasks", stats.averageComplexity(), stats.tasksWithComplexity()))
                .append('\n');
        if (!stats.meanRunningMillisByRole().isEmpty()) {
            out.append("  mean run     ").append(durations(stats.meanRunningMillisByRole())).append('\n');
        }
        TaskCommands.print(ctx, out.toString());
    }

    @Command(name = "sessions", group = GROUP, description = "Recorded shell sessions; name one to see its commands",
            help = "sessions --limit 10   (or: sessions 3f2a, for that session's commands)")
    public void sessions(@Arguments List<String> ids,
                         @Option(longName = "limit", shortName = 'n', description = "at most this many (default 20)") Integer limit,
                         @Option(longName = "json", description = "print JSON for scripts") boolean asJson, CommandContext ctx) {
        if (ids != null && !ids.isEmpty()) {
            ShellSession session = sessions.find(ids.get(0)).orElseThrow(
                    () -> new ShellUsageException("no session '" + ids.get(0) + "'; 'sessions' lists them"));
            if (asJson) {
                TaskCommands.print(ctx, json.write(session));
                return;
            }
            Table table = new Table("AT", "TOOK", "EXIT", "COMMAND").flex(3);
            session.commands().forEach(c -> table.row(c.at(), c.durationMillis() + " ms", c.exitStatus(), c.text()));
            TaskCommands.print(ctx, session.user() + "@" + session.host() + "  " + session.startedAt() + " → "
                    + (session.endedAt() == null ? "open" : session.endedAt()) + "\n" + table.render(style.width()));
            return;
        }
        List<ShellSession> recent = sessions.recent(ShellOptions.positive("limit", limit, 20));
        if (asJson) {
            TaskCommands.print(ctx, json.write(recent));
            return;
        }
        Table table = new Table("ID", "MODE", "USER", "HOST", "STARTED", "ENDED", "COMMANDS").flex(3);
        recent.forEach(s -> table.row(s.id().substring(0, 8), s.mode(), s.user(), s.host(), s.startedAt(),
                s.endedAt() == null ? "open" : s.endedAt(), s.commands().size()));
        TaskCommands.print(ctx, recent.isEmpty() ? "No sessions recorded yet." : table.render(style.width()));
    }

    private static String counts(Map<String, Long> counts) {
        return counts.isEmpty() ? "-" : counts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .reduce((a, b) -> a + ", " + b).orElse("");
    }

    private static String durations(Map<String, Long> millis) {
        return millis.entrySet().stream().map(e -> e.getKey() + " " + java.time.Duration.ofMillis(e.getValue())
                .toString().substring(2).toLowerCase()).reduce((a, b) -> a + ", " + b).orElse("");
    }
}

package io.taskvault.graph.shell;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

import io.taskvault.graph.DependencyGraph;
import io.taskvault.graph.EdgeType;
import io.taskvault.graph.GraphQueries;
import io.taskvault.graph.NextTask;
import io.taskvault.graph.NextTaskPicker;
import io.taskvault.graph.TaskEdge;
import io.taskvault.task.Task;
import io.taskvault.task.TaskQuery;
import io.taskvault.system.InvalidInputException;
import io.taskvault.system.shell.ShellActor;
import io.taskvault.system.shell.ShellJson;
import io.taskvault.system.shell.ShellStyle;

/** Shell commands for dependencies: link, unlink, closures, critical path, ready work and "next". */
@Component
public class GraphCommands {

    private static final String GROUP = "Dependencies";
    private static final String TYPE = "blocks (default), relates-to or subtask-of";
    private static final String JSON = "print JSON for scripts";
    private static final String TASKS = "taskCompletion";

    private final DependencyGraph graph;
    private final GraphQueries queries;
    private final NextTaskPicker picker;
    private final ShellJson json;
    private final ShellStyle style;

    GraphCommands(DependencyGraph graph, GraphQueries queries, NextTaskPicker picker, ShellJson json, ShellStyle style) {
        this.graph = graph;
        this.queries = queries;
        this.picker = picker;
        this.json = json;
        this.style = style;
    }

    @Command(name = "edge add", group = GROUP, description = "Link two tasks: --from FROM --type blocks|relates-to|subtask-of --to TO",
            help = "edge add --from TV-1 --type blocks --to TV-2   (TV-2 waits for TV-1)", completionProvider = TASKS)
    public String add(@Option(longName = "from", required = true, description = "the task the link starts at") String from,
                      @Option(longName = "type", defaultValue = "blocks", description = TYPE) String type,
                      @Option(longName = "to", required = true, description = "the task the link points to") String to,
                      @Option(longName = "json", description = JSON) boolean asJson) {
        TaskEdge edge = graph.addEdge(from, EdgeType.parse(type), to, ShellActor.name());
        return asJson ? json.write(edge) : "linked: " + from + " " + edge.type().label() + " " + to;
    }

    @Command(name = "edge remove", group = GROUP, description = "Remove a link between two tasks",
            help = "edge remove --from TV-1 --type blocks --to TV-2", completionProvider = TASKS)
    public String remove(@Option(longName = "from", required = true, description = "the task the link starts at") String from,
                         @Option(longName = "type", defaultValue = "blocks", description = TYPE) String type,
                         @Option(longName = "to", required = true, description = "the task the link points to") String to) {
        EdgeType edgeType = EdgeType.parse(type);
        graph.removeEdge(from, edgeType, to, ShellActor.name());
        return "unlinked: " + from + " " + edgeType.label() + " " + to;
    }

    @Command(name = "upstream", group = GROUP, description = "Tasks this task waits on, directly or not",
            help = "upstream TV-2", completionProvider = TASKS)
    public String upstream(@Argument(index = 0, description = "the task") String task,
                           @Option(longName = "json", description = JSON) boolean asJson) {
        return tasks(graph.upstream(required(task, "upstream")), "no dependencies", asJson);
    }

    @Command(name = "downstream", group = GROUP, description = "Tasks waiting on this task, directly or not",
            help = "downstream TV-1", completionProvider = TASKS)
    public String downstream(@Argument(index = 0, description = "the task") String task,
                             @Option(longName = "json", description = JSON) boolean asJson) {
        return tasks(graph.downstream(required(task, "downstream")), "nothing waits on it", asJson);
    }

    @Command(name = "critical-path", group = GROUP, description = "The longest chain of unfinished dependencies",
            help = "critical-path --task TV-9   (or: critical-path, over all tasks)", completionProvider = TASKS)
    public String criticalPath(@Option(longName = "task", description = "the chain ending at this task") String task,
                               @Option(longName = "json", description = JSON) boolean asJson) {
        List<Task> path = queries.criticalPath(task);
        if (asJson) {
            return json.write(path);
        }
        return path.isEmpty() ? "no unfinished work"
                : path.stream().map(Task::getKey).collect(Collectors.joining(" → ")) + "  (" + path.size() + " tasks)";
    }

    @Command(name = "ready", group = GROUP, description = "Tasks whose dependencies are all completed",
            help = "ready --role backend", completionProvider = TASKS)
    public String ready(@Option(longName = "role", description = "only tasks for this role") String role,
                        @Option(longName = "json", description = JSON) boolean asJson) {
        return tasks(queries.ready(TaskQuery.all().withRoles(role == null ? Set.of() : Set.of(role))), "no task is ready",
                asJson);
    }

    @Command(name = "next", group = GROUP, description = "The task to work on now, and why",
            help = "next --role backend --provider claude --tags auth,api", completionProvider = TASKS)
    public String next(@Option(longName = "role", description = "for this role") String role,
                       @Option(longName = "provider", description = "for this AI provider") String provider,
                       @Option(longName = "tags", description = "comma-separated tags it should have") List<String> tags,
                       @Option(longName = "json", description = JSON) boolean asJson) {
        NextTask next = picker.next(role, provider, tags == null ? Set.of() : Set.copyOf(tags));
        if (asJson) {
            return json.write(next);
        }
        return style.wrap(next.found() ? next.task().getKey() + "  " + next.task().getTitle() + "\n" + next.explanation()
                : next.explanation());
    }

    private static String required(String task, String command) {
        if (task == null || task.isBlank()) {
            throw new InvalidInputException(command + ": name a task by key (TV-42), number (42) or id prefix");
        }
        return task;
    }

    private String tasks(List<Task> tasks, String none, boolean asJson) {
        if (asJson) {
            return json.write(tasks);
        }
        return tasks.isEmpty() ? none : tasks.stream()
                .map(t -> String.format("%-8s %-11s %-8s %s", t.getKey(), t.getState(), t.getPriority(), t.getTitle()))
                .collect(Collectors.joining("\n"));
    }
}

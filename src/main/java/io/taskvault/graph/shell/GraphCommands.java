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

/** Shell commands for dependencies: link, unlink, closures, critical path, ready work and "next". */
@Component
public class GraphCommands {

    private static final String GROUP = "Dependencies";
    private static final String ACTOR = "shell";

    private final DependencyGraph graph;
    private final GraphQueries queries;
    private final NextTaskPicker picker;

    GraphCommands(DependencyGraph graph, GraphQueries queries, NextTaskPicker picker) {
        this.graph = graph;
        this.queries = queries;
        this.picker = picker;
    }

    @Command(name = "edge add", group = GROUP, description = "Link two tasks: FROM blocks|relates-to|subtask-of TO")
    public String add(@Option(longName = "from", required = true) String from,
                      @Option(longName = "type", defaultValue = "blocks") String type,
                      @Option(longName = "to", required = true) String to) {
        TaskEdge edge = graph.addEdge(from, EdgeType.parse(type), to, ACTOR);
        return "linked: " + from + " " + edge.type().label() + " " + to;
    }

    @Command(name = "edge remove", group = GROUP, description = "Remove a link between two tasks")
    public String remove(@Option(longName = "from", required = true) String from,
                         @Option(longName = "type", defaultValue = "blocks") String type,
                         @Option(longName = "to", required = true) String to) {
        graph.removeEdge(from, EdgeType.parse(type), to, ACTOR);
        return "unlinked: " + from + " " + EdgeType.parse(type).label() + " " + to;
    }

    @Command(name = "upstream", group = GROUP, description = "Tasks this task waits on, directly or not")
    public String upstream(@Argument(index = 0) String task) {
        return lines(graph.upstream(task), "no dependencies");
    }

    @Command(name = "downstream", group = GROUP, description = "Tasks waiting on this task, directly or not")
    public String downstream(@Argument(index = 0) String task) {
        return lines(graph.downstream(task), "nothing waits on it");
    }

    @Command(name = "critical-path", group = GROUP, description = "The longest chain of unfinished dependencies")
    public String criticalPath(@Option(longName = "task") String task) {
        List<Task> path = queries.criticalPath(task);
        return path.isEmpty() ? "no unfinished work"
                : path.stream().map(Task::getKey).collect(Collectors.joining(" → ")) + "  (" + path.size() + " tasks)";
    }

    @Command(name = "ready", group = GROUP, description = "Tasks whose dependencies are all completed")
    public String ready(@Option(longName = "role") String role) {
        return lines(queries.ready(TaskQuery.all().withRoles(role == null ? Set.of() : Set.of(role))), "no task is ready");
    }

    @Command(name = "next", group = GROUP, description = "The task to work on now, and why")
    public String next(@Option(longName = "role") String role, @Option(longName = "provider") String provider,
                       @Option(longName = "tags") List<String> tags) {
        NextTask next = picker.next(role, provider, tags == null ? Set.of() : Set.copyOf(tags));
        return next.found() ? next.task().getKey() + "  " + next.task().getTitle() + "\n" + next.explanation()
                : next.explanation();
    }

    private static String lines(List<Task> tasks, String none) {
        return tasks.isEmpty() ? none : tasks.stream()
                .map(t -> String.format("%-8s %-11s %-8s %s", t.getKey(), t.getState(), t.getPriority(), t.getTitle()))
                .collect(Collectors.joining("\n"));
    }
}

package io.taskvault.graph.api;

import java.util.List;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.taskvault.graph.DependencyGraph;
import io.taskvault.graph.EdgeType;
import io.taskvault.graph.GraphQueries;
import io.taskvault.graph.NextTask;
import io.taskvault.graph.NextTaskPicker;
import io.taskvault.graph.TaskEdge;
import io.taskvault.task.Task;
import io.taskvault.task.TaskQuery;

/** The REST door to the dependency graph and to "what next". {id} takes an id or a key. */
@RestController
@RequestMapping("/api")
class GraphApiController {

    private final DependencyGraph graph;
    private final GraphQueries queries;
    private final NextTaskPicker picker;

    GraphApiController(DependencyGraph graph, GraphQueries queries, NextTaskPicker picker) {
        this.graph = graph;
        this.queries = queries;
        this.picker = picker;
    }

    /** Body: {"from":"TV-3","type":"blocks","to":"TV-7"}. */
    record EdgeRequest(String from, String type, String to) {
    }

    @PostMapping("/graph/edges")
    @ResponseStatus(HttpStatus.CREATED)
    TaskEdge add(@RequestBody EdgeRequest request, @RequestHeader(value = "X-Actor", required = false) String actor) {
        return graph.addEdge(request.from(), EdgeType.parse(request.type()), request.to(), actor == null ? "api" : actor);
    }

    @DeleteMapping("/graph/edges")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void remove(@RequestParam String from, @RequestParam String type, @RequestParam String to,
                @RequestHeader(value = "X-Actor", required = false) String actor) {
        graph.removeEdge(from, EdgeType.parse(type), to, actor == null ? "api" : actor);
    }

    @GetMapping("/graph/tasks/{id}/edges")
    List<TaskEdge> edges(@PathVariable String id) {
        return graph.edges(id);
    }

    @GetMapping("/graph/tasks/{id}/upstream")
    List<Task> upstream(@PathVariable String id) {
        return graph.upstream(id);
    }

    @GetMapping("/graph/tasks/{id}/downstream")
    List<Task> downstream(@PathVariable String id) {
        return graph.downstream(id);
    }

    @GetMapping("/graph/critical-path")
    List<Task> criticalPath(@RequestParam(required = false) String task) {
        return queries.criticalPath(task);
    }

    @GetMapping("/graph/ready")
    List<Task> ready(@RequestParam(required = false) String role, @RequestParam(required = false) Set<String> tags) {
        return queries.ready(TaskQuery.all().withRoles(role == null ? Set.of() : Set.of(role)).withTags(tags));
    }

    @GetMapping("/tasks/next")
    NextTask next(@RequestParam(required = false) String role, @RequestParam(required = false) String provider,
                  @RequestParam(required = false) Set<String> tags) {
        return picker.next(role, provider, tags);
    }
}

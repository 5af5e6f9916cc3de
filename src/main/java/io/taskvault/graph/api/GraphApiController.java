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

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.taskvault.graph.DependencyGraph;
import io.taskvault.graph.EdgeType;
import io.taskvault.graph.GraphQueries;
import io.taskvault.graph.NextTaskPicker;
import io.taskvault.graph.TaskEdge;
import io.taskvault.task.TaskQuery;
import io.taskvault.task.api.TaskResponse;
import io.taskvault.system.ApiStatuses;

/** The REST door to the dependency graph and to "what next". {id} takes an id or a key. */
@Tag(name = "graph", description = "Dependencies between tasks and what is ready to work on")
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

    @Operation(summary = "Add a dependency edge")
    @ApiStatuses({201, 400, 404, 413, 415})
    @PostMapping("/graph/edges")
    @ResponseStatus(HttpStatus.CREATED)
    TaskEdge add(@RequestBody EdgeRequest request, @RequestHeader(value = "X-Actor", required = false) String actor) {
        return graph.addEdge(request.from(), EdgeType.parse(request.type()), request.to(), actor == null ? "api" : actor);
    }

    @Operation(summary = "Remove a dependency edge")
    @ApiStatuses({204, 400, 404})
    @DeleteMapping("/graph/edges")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void remove(@RequestParam String from, @RequestParam String type, @RequestParam String to,
                @RequestHeader(value = "X-Actor", required = false) String actor) {
        graph.removeEdge(from, EdgeType.parse(type), to, actor == null ? "api" : actor);
    }

    @Operation(summary = "A task's edges")
    @ApiStatuses({404})
    @GetMapping("/graph/tasks/{id}/edges")
    List<TaskEdge> edges(@PathVariable String id) {
        return graph.edges(id);
    }

    @Operation(summary = "Everything the task waits for")
    @ApiStatuses({404})
    @GetMapping("/graph/tasks/{id}/upstream")
    List<TaskResponse> upstream(@PathVariable String id) {
        return TaskResponse.of(graph.upstream(id));
    }

    @Operation(summary = "Everything waiting for the task")
    @ApiStatuses({404})
    @GetMapping("/graph/tasks/{id}/downstream")
    List<TaskResponse> downstream(@PathVariable String id) {
        return TaskResponse.of(graph.downstream(id));
    }

    @Operation(summary = "The longest chain of unfinished work")
    @ApiStatuses({404})
    @GetMapping("/graph/critical-path")
    List<TaskResponse> criticalPath(@RequestParam(required = false) String task) {
        return TaskResponse.of(queries.criticalPath(task));
    }

    @Operation(summary = "Tasks whose dependencies are done")
    @ApiStatuses({400})
    @GetMapping("/graph/ready")
    List<TaskResponse> ready(@RequestParam(required = false) String role, @RequestParam(required = false) Set<String> tags) {
        return TaskResponse.of(queries.ready(TaskQuery.all().withRoles(role == null ? Set.of() : Set.of(role)).withTags(tags)));
    }

    @Operation(summary = "The next task to work on")
    @ApiStatuses({400})
    @GetMapping("/tasks/next")
    NextTaskResponse next(@RequestParam(required = false) String role, @RequestParam(required = false) String provider,
                  @RequestParam(required = false) Set<String> tags) {
        return NextTaskResponse.of(picker.next(role, provider, tags));
    }
}

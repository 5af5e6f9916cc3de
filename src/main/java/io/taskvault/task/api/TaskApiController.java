package io.taskvault.task.api;

import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import io.taskvault.task.Priority;
import io.taskvault.task.Task;
import io.taskvault.task.TaskDraft;
import io.taskvault.task.TaskPage;
import io.taskvault.task.TaskQuery;
import io.taskvault.task.TaskService;
import io.taskvault.task.TaskState;
import io.taskvault.task.TaskStatistics;
import io.taskvault.task.history.HistoryEvent;
import io.taskvault.task.output.OutputDraft;
import io.taskvault.task.output.TaskOutput;

/** The REST door for orchestrators: tasks, their transitions, history and outputs. {id} takes an id or a key. */
@RestController
@RequestMapping("/api")
class TaskApiController {

    private static final String API_ACTOR = "api";

    private final TaskService tasks;

    TaskApiController(TaskService tasks) {
        this.tasks = tasks;
    }

    @PostMapping("/tasks")
    ResponseEntity<Task> create(@RequestBody TaskDraft draft,
                                @RequestHeader(value = "X-Actor", required = false) String actor) {
        Task task = tasks.create(draft, actor == null ? API_ACTOR : actor);
        return ResponseEntity.created(URI.create("/api/tasks/" + task.getId())).eTag(etag(task)).body(task);
    }

    @GetMapping("/tasks/{id}")
    ResponseEntity<Task> get(@PathVariable String id) {
        Task task = tasks.get(id);
        return ResponseEntity.ok().eTag(etag(task)).body(task);
    }

    @PostMapping("/tasks/{id}/transitions")
    ResponseEntity<Task> transition(@PathVariable String id, @RequestBody TransitionRequest request,
                                    @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        Task task = tasks.transition(id, request.to(), request.actor() == null ? API_ACTOR : request.actor(),
                request.reason(), request.details() == null ? Map.of() : request.details(), ApiEtags.version(ifMatch));
        return ResponseEntity.ok().eTag(etag(task)).body(task);
    }

    @GetMapping("/tasks/history/{id}")
    List<HistoryEvent> history(@PathVariable String id) {
        return tasks.history(id);
    }

    @GetMapping("/tasks/outputs/{id}")
    List<TaskOutput> outputs(@PathVariable String id) {
        return tasks.outputs(id);
    }

    @PostMapping("/tasks/outputs/{id}")
    ResponseEntity<TaskOutput> addOutput(@PathVariable String id, @RequestBody OutputRequest request) {
        OutputDraft draft = OutputDraft.text(request.type(), request.content())
                .withFile(request.filePath(), request.mimeType()).withCommit(request.commitHash(), request.branch());
        TaskOutput output = tasks.appendOutput(id, draft, request.actor() == null ? API_ACTOR : request.actor());
        return ResponseEntity.created(URI.create("/api/tasks/outputs/" + id + "/" + output.seq())).body(output.summary());
    }

    @GetMapping("/tasks/outputs/{id}/{seq}")
    ResponseEntity<StreamingResponseBody> outputContent(@PathVariable String id, @PathVariable long seq) {
        TaskOutput output = tasks.output(id, seq);
        StreamingResponseBody body = out -> {
            try (InputStream in = tasks.openOutput(output)) {
                in.transferTo(out);
            }
        };
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(output.mimeType()))
                .contentLength(output.size()).body(body);
    }

    @GetMapping("/tasks/persistent")
    TaskPage search(@RequestParam(required = false) List<TaskState> states,
                    @RequestParam(required = false) List<String> roles,
                    @RequestParam(required = false) List<String> providers,
                    @RequestParam(required = false) List<Priority> priorities,
                    @RequestParam(required = false) List<String> tags,
                    @RequestParam(required = false) String search,
                    @RequestParam(name = "date_from", required = false) Instant dateFrom,
                    @RequestParam(name = "date_to", required = false) Instant dateTo,
                    @RequestParam(required = false) TaskQuery.SortField sort,
                    @RequestParam(defaultValue = "desc") String order,
                    @RequestParam(defaultValue = "50") int limit,
                    @RequestParam(defaultValue = "0") int offset,
                    @RequestParam(required = false) String cursor) {
        return tasks.list(new TaskQuery(set(states), set(roles), set(providers), set(priorities), set(tags), search,
                dateFrom, dateTo, null, null, sort, !"asc".equalsIgnoreCase(order), limit, offset, cursor));
    }

    @GetMapping("/persistence/stats")
    TaskStatistics statistics() {
        return tasks.statistics();
    }

    private static <T> Set<T> set(List<T> values) {
        return TaskQuery.setOf(values);
    }

    private static String etag(Task task) {
        return ApiEtags.of(task.getVersion());
    }
}

package io.taskvault.task.api;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.taskvault.task.Task;
import io.taskvault.task.TaskService;
import io.taskvault.task.history.HistoryEvent;
import io.taskvault.system.ApiStatuses;

/** REST: a task's life — transitions, retry, restore — and its history and notes. */
@Tag(name = "tasks")
@RestController
@RequestMapping("/api")
class TaskLifecycleApiController {

    private final TaskService tasks;

    TaskLifecycleApiController(TaskService tasks) {
        this.tasks = tasks;
    }

    /** Moves the task; If-Match on its version makes it conditional (412 when stale, 409 on a lost race). */
    @Operation(summary = "Move a task to another state")
    @ApiStatuses({400, 403, 404, 409, 412, 413, 415})
    @PostMapping("/tasks/{id}/transitions")
    ResponseEntity<TaskResponse> transition(@PathVariable String id, @RequestBody TransitionRequest request,
                                    @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                    @RequestHeader(value = ApiActor.HEADER, required = false) String actor) {
        Task task = tasks.transition(id, request.to(), ApiActor.of(actor, request.actor()), request.reason(),
                request.details() == null ? Map.of() : request.details(), ApiEtags.version(ifMatch));
        return ResponseEntity.ok().eTag(ApiEtags.of(task.getVersion())).body(TaskResponse.of(task));
    }

    /** Sends a FAILED or INTERRUPTED task back to PENDING. */
    @Operation(summary = "Send a failed or interrupted task back to PENDING")
    @ApiStatuses({400, 404, 409, 413, 415})
    @PostMapping("/tasks/{id}/retry")
    ResponseEntity<TaskResponse> retry(@PathVariable String id, @RequestBody(required = false) RetryRequest request,
                               @RequestHeader(value = ApiActor.HEADER, required = false) String actor) {
        RetryRequest body = request == null ? new RetryRequest(null, null) : request;
        Task task = tasks.retry(id, ApiActor.of(actor, body.actor()), body.reason());
        return ResponseEntity.ok().eTag(ApiEtags.of(task.getVersion())).body(TaskResponse.of(task));
    }

    /** Brings an ARCHIVED task back to the state it was archived from (ADMIN). */
    @Operation(summary = "Bring an archived task back")
    @ApiStatuses({404, 409})
    @PostMapping("/tasks/{id}/restore")
    ResponseEntity<TaskResponse> restore(@PathVariable String id,
                                 @RequestHeader(value = ApiActor.HEADER, required = false) String actor) {
        Task task = tasks.restore(id, ApiActor.of(actor, null));
        return ResponseEntity.ok().eTag(ApiEtags.of(task.getVersion())).body(TaskResponse.of(task));
    }

    @Operation(summary = "Add a note to a task's history")
    @ApiStatuses({201, 400, 404, 413, 415})
    @PostMapping("/tasks/{id}/notes")
    ResponseEntity<HistoryEvent> note(@PathVariable String id, @RequestBody NoteRequest request,
                                      @RequestHeader(value = ApiActor.HEADER, required = false) String actor) {
        HistoryEvent event = tasks.addNote(id, request.text(), ApiActor.of(actor, request.actor()));
        return ResponseEntity.created(URI.create("/api/tasks/" + id + "/history")).body(event);
    }

    /** The whole history, oldest first; {@code /api/tasks/history/{id}} is the source design's path. */
    @Operation(summary = "A task's history, oldest first")
    @ApiStatuses({404})
    @GetMapping({"/tasks/{id}/history", "/tasks/history/{id}"})
    List<HistoryEvent> history(@PathVariable String id) {
        return tasks.history(id);
    }
}

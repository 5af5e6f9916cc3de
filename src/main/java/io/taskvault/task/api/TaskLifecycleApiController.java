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

import io.taskvault.task.Task;
import io.taskvault.task.TaskService;
import io.taskvault.task.history.HistoryEvent;

/** REST: a task's life — transitions, retry, restore — and its history and notes. */
@RestController
@RequestMapping("/api")
class TaskLifecycleApiController {

    private final TaskService tasks;

    TaskLifecycleApiController(TaskService tasks) {
        this.tasks = tasks;
    }

    /** Moves the task; If-Match on its version makes it conditional (412 when stale, 409 on a lost race). */
    @PostMapping("/tasks/{id}/transitions")
    ResponseEntity<Task> transition(@PathVariable String id, @RequestBody TransitionRequest request,
                                    @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                    @RequestHeader(value = ApiActor.HEADER, required = false) String actor) {
        Task task = tasks.transition(id, request.to(), ApiActor.of(actor, request.actor()), request.reason(),
                request.details() == null ? Map.of() : request.details(), ApiEtags.version(ifMatch));
        return ResponseEntity.ok().eTag(ApiEtags.of(task.getVersion())).body(task);
    }

    /** Sends a FAILED or INTERRUPTED task back to PENDING. */
    @PostMapping("/tasks/{id}/retry")
    ResponseEntity<Task> retry(@PathVariable String id, @RequestBody(required = false) RetryRequest request,
                               @RequestHeader(value = ApiActor.HEADER, required = false) String actor) {
        RetryRequest body = request == null ? new RetryRequest(null, null) : request;
        Task task = tasks.retry(id, ApiActor.of(actor, body.actor()), body.reason());
        return ResponseEntity.ok().eTag(ApiEtags.of(task.getVersion())).body(task);
    }

    /** Brings an ARCHIVED task back to the state it was archived from (ADMIN). */
    @PostMapping("/tasks/{id}/restore")
    ResponseEntity<Task> restore(@PathVariable String id,
                                 @RequestHeader(value = ApiActor.HEADER, required = false) String actor) {
        Task task = tasks.restore(id, ApiActor.of(actor, null));
        return ResponseEntity.ok().eTag(ApiEtags.of(task.getVersion())).body(task);
    }

    @PostMapping("/tasks/{id}/notes")
    ResponseEntity<HistoryEvent> note(@PathVariable String id, @RequestBody NoteRequest request,
                                      @RequestHeader(value = ApiActor.HEADER, required = false) String actor) {
        HistoryEvent event = tasks.addNote(id, request.text(), ApiActor.of(actor, request.actor()));
        return ResponseEntity.created(URI.create("/api/tasks/" + id + "/history")).body(event);
    }

    /** The whole history, oldest first; {@code /api/tasks/history/{id}} is the source design's path. */
    @GetMapping({"/tasks/{id}/history", "/tasks/history/{id}"})
    List<HistoryEvent> history(@PathVariable String id) {
        return tasks.history(id);
    }
}

package io.taskvault.task.api;

import java.util.List;
import java.util.Set;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.taskvault.system.api.KnownParameters;
import io.taskvault.system.ApiStatuses;
import io.taskvault.task.InvalidTaskException;
import io.taskvault.task.TaskNotFoundException;
import io.taskvault.task.TaskService;
import io.taskvault.task.deletion.Tombstone;

/** REST: deleting a task for good (ADMIN) and the tombstones that record each delete. */
@RestController
@RequestMapping("/api")
@Tag(name = "tasks", description = "Create, read, change and search tasks")
class TaskDeletionApiController {

    private static final int DEFAULT_LIMIT = 50;

    private final TaskService tasks;

    TaskDeletionApiController(TaskService tasks) {
        this.tasks = tasks;
    }

    /**
     * Deletes the task (hot or archived) with its history, outputs, context and edges; answers with its tombstone.
     * The reason is required, as the {@code reason} parameter or in the body. Deleting a deleted task again finishes
     * that delete if it was cut short and answers with the same tombstone.
     */
    @Operation(summary = "Delete a task for good (ADMIN, a reason required); answers with its tombstone")
    @ApiStatuses({400, 403, 404})
    @DeleteMapping("/tasks/{id}")
    Tombstone delete(@PathVariable String id, @RequestParam(name = "reason", required = false) String reason,
                     @RequestBody(required = false) DeleteRequest body,
                     @RequestHeader(value = ApiActor.HEADER, required = false) String actor, HttpServletRequest request) {
        KnownParameters.refuseOthers(request, Set.of("reason"));
        if (reason != null && body != null && body.reason() != null) {
            throw new InvalidTaskException("reason", "is given twice (parameter and body); give it once");
        }
        String why = reason != null ? reason : body == null ? null : body.reason();
        return tasks.delete(id, ApiActor.of(actor, body == null ? null : body.actor()), why);
    }

    /** The newest tombstones first ({@code limit} 1 to 500, 50 unless given). */
    @Operation(summary = "The tombstones of deleted tasks, newest first")
    @ApiStatuses({400})
    @GetMapping("/tombstones")
    List<Tombstone> tombstones(@RequestParam(name = "limit", defaultValue = "" + DEFAULT_LIMIT) int limit,
                               HttpServletRequest request) {
        KnownParameters.refuseOthers(request, Set.of("limit"));
        return tasks.tombstones(limit);
    }

    /** The tombstone of one deleted task, by its key or id. */
    @Operation(summary = "The tombstone of one deleted task")
    @ApiStatuses({404})
    @GetMapping("/tombstones/{id}")
    Tombstone tombstone(@PathVariable String id) {
        return tasks.tombstone(id).orElseThrow(() -> new TaskNotFoundException("tombstone of " + id));
    }
}

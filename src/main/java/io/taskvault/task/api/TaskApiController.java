package io.taskvault.task.api;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.taskvault.system.api.KnownParameters;
import io.taskvault.task.InvalidTaskException;
import io.taskvault.task.Priority;
import io.taskvault.task.SavedViews;
import io.taskvault.task.Task;
import io.taskvault.task.TaskDraft;
import io.taskvault.task.TaskQuery;
import io.taskvault.task.TaskService;
import io.taskvault.task.TaskState;
import io.taskvault.task.TaskStatistics;
import io.taskvault.system.ApiStatuses;

/** The REST door for orchestrators: create (one or a batch), read, patch and search tasks. {id} takes an id or a key. */
@Tag(name = "tasks", description = "Create, read, change and search tasks")
@RestController
@RequestMapping("/api")
class TaskApiController {

    /** The most tasks one batch may create. */
    static final int MAX_BATCH = 1_000;
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";

    /** The search's parameters and {@code view}, a saved view the other filters given replace parts of. */
    static final Set<String> SEARCH_PARAMETERS = union(TaskSearchQuery.PARAMETERS, "view");

    private final TaskService tasks;
    private final ObjectProvider<SavedViews> views;
    private final Clock clock;

    TaskApiController(TaskService tasks, ObjectProvider<SavedViews> views, Clock clock) {
        this.tasks = tasks;
        this.views = views;
        this.clock = clock;
    }

    private static Set<String> union(Set<String> names, String more) {
        Set<String> all = new java.util.HashSet<>(names);
        all.add(more);
        return Set.copyOf(all);
    }

    /** Creates a task; a repeated Idempotency-Key (or external id) answers 200 with the task created the first time. */
    @Operation(summary = "Create a task")
    @ApiStatuses({200, 201, 400, 409, 413, 415})
    @PostMapping("/tasks")
    ResponseEntity<TaskResponse> create(@RequestBody TaskCreateRequest request,
                                @RequestHeader(value = IDEMPOTENCY_KEY, required = false) String idempotencyKey,
                                @RequestHeader(value = ApiActor.HEADER, required = false) String actor) {
        //why: stored times are cut to milliseconds; an uncut start would make a task created in the same
        //    millisecond look older than the request, i.e. replayed
        Instant started = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        TaskDraft keyed = IdempotentDrafts.keyed(ApiActor.created(draftOf(request)), idempotencyKey);
        Task task = tasks.create(keyed, ApiActor.of(actor, null));
        boolean replayed = keyed.externalId() != null && task.getCreatedAt() != null && task.getCreatedAt().isBefore(started);
        ResponseEntity.BodyBuilder answer = replayed ? ResponseEntity.ok().header(REPLAYED, "true")
                : ResponseEntity.created(URI.create("/api/tasks/" + task.getId()));
        return answer.eTag(ApiEtags.of(task.getVersion())).body(TaskResponse.of(task));
    }

    /**
     * Creates up to {@value #MAX_BATCH} tasks, each on its own; the answer says what became of each:
     * 201 when all were created, 200 when some were, 400 when none was.
     */
    @Operation(summary = "Create up to 1,000 tasks")
    @ApiStatuses({200, 201, 400, 413, 415})
    @PostMapping("/tasks/batch")
    ResponseEntity<BatchResult> createBatch(@RequestBody List<TaskCreateRequest> drafts,
                                            @RequestHeader(value = ApiActor.HEADER, required = false) String actor) {
        if (drafts == null || drafts.isEmpty()) {
            throw new InvalidTaskException("tasks", "the batch is empty: send a JSON array of tasks");
        }
        if (drafts.size() > MAX_BATCH) {
            throw new BatchTooLargeException(drafts.size(), MAX_BATCH);
        }
        List<BatchResult.Item> items = new ArrayList<>();
        int created = 0;
        for (int i = 0; i < drafts.size(); i++) {
            try {
                Task task = tasks.create(ApiActor.created(draftOf(drafts.get(i))), ApiActor.of(actor, null));
                items.add(new BatchResult.Item(i, HttpStatus.CREATED.value(), TaskResponse.of(task), null));
                created++;
            } catch (InvalidTaskException e) {
                items.add(new BatchResult.Item(i, HttpStatus.BAD_REQUEST.value(), null, e.errors()));
            }
        }
        BatchResult result = new BatchResult(created, drafts.size() - created, items);
        HttpStatus status = created == drafts.size() ? HttpStatus.CREATED
                : created == 0 ? HttpStatus.BAD_REQUEST : HttpStatus.OK;
        return ResponseEntity.status(status).body(result);
    }

    @Operation(summary = "One task")
    @ApiStatuses({400, 404})
    @GetMapping("/tasks/{id}")
    ResponseEntity<TaskResponse> get(@PathVariable String id) {
        Task task = tasks.get(id);
        return ResponseEntity.ok().eTag(ApiEtags.of(task.getVersion())).body(TaskResponse.of(task));
    }

    /**
     * Changes editable fields ({@code {"title": "…", "priority": "HIGH", "assignee": null}}): a field left out is kept,
     * one sent as null is cleared; If-Match makes it conditional (412).
     */
    @Operation(summary = "Change a task's editable fields")
    @ApiStatuses({400, 404, 409, 412, 413, 415})
    @PatchMapping("/tasks/{id}")
    ResponseEntity<TaskResponse> patch(@PathVariable String id, @RequestBody TaskPatchRequest request,
                               @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                               @RequestHeader(value = ApiActor.HEADER, required = false) String actor) {
        Task task = tasks.update(id, request == null ? Map.of() : request.changes(), ApiActor.of(actor, null),
                ApiEtags.version(ifMatch));
        return ResponseEntity.ok().eTag(ApiEtags.of(task.getVersion())).body(TaskResponse.of(task));
    }

    /**
     * Search with every filter; {@code /api/tasks/persistent} is the source design's name for it. The shell's and the
     * dashboard's singular words ({@code state}, {@code priority}, {@code q}, {@code text}, {@code from} …) work too;
     * {@code view} opens a saved view, the filters given with it in place of the view's.
     */
    @Operation(summary = "Search tasks")
    @ApiStatuses({400})
    @GetMapping({"/tasks", "/tasks/persistent"})
    TaskPageResponse search(@RequestParam(required = false) List<TaskState> states,
                    @RequestParam(required = false) List<TaskState> state,
                    @RequestParam(required = false) List<String> roles,
                    @RequestParam(required = false) List<String> role,
                    @RequestParam(required = false) List<String> providers,
                    @RequestParam(required = false) List<String> provider,
                    @RequestParam(required = false) List<Priority> priorities,
                    @RequestParam(required = false) List<Priority> priority,
                    @RequestParam(required = false) List<String> tags,
                    @RequestParam(required = false) List<String> tag,
                    @RequestParam(required = false) String search,
                    @RequestParam(required = false) String q,
                    @RequestParam(required = false) String text,
                    @RequestParam(name = "date_from", required = false) Instant dateFrom,
                    @RequestParam(required = false) Instant from,
                    @RequestParam(name = "date_to", required = false) Instant dateTo,
                    @RequestParam(required = false) Instant to,
                    @RequestParam(name = "updated_from", required = false) Instant updatedFrom,
                    @RequestParam(name = "updated_to", required = false) Instant updatedTo,
                    @RequestParam(required = false) String sort,
                    @RequestParam(required = false) String order,
                    @RequestParam(defaultValue = "50") int limit,
                    @RequestParam(defaultValue = "0") int offset,
                    @RequestParam(required = false) String cursor,
                    @RequestParam(required = false) List<String> storyId,
                    @RequestParam(required = false) List<String> epicId,
                    @RequestParam(required = false) List<String> persona,
                    @RequestParam(required = false) String view,
                    HttpServletRequest request) {
        KnownParameters.refuseOthers(request, SEARCH_PARAMETERS);
        TaskQuery query = TaskSearchQuery.of(TaskSearchQuery.both(states, state), TaskSearchQuery.both(roles, role),
                TaskSearchQuery.both(providers, provider), TaskSearchQuery.both(priorities, priority),
                TaskSearchQuery.both(tags, tag), TaskSearchQuery.first(search, q, text),
                TaskSearchQuery.first(dateFrom, from), TaskSearchQuery.first(dateTo, to), updatedFrom, updatedTo,
                sort, order, limit, offset, cursor).withGroups(TaskQuery.setOf(storyId), TaskQuery.setOf(epicId),
                TaskQuery.setOf(persona));
        if (view != null) {
            query = views.getObject().open(view.strip(), query, sort != null || order != null);
        }
        return TaskPageResponse.of(tasks.list(query));
    }

    private static TaskDraft draftOf(TaskCreateRequest request) {
        return request == null ? null : request.toDraft();
    }

    @Operation(summary = "Task statistics")
    @GetMapping("/persistence/stats")
    TaskStatistics statistics() {
        return tasks.statistics();
    }
}

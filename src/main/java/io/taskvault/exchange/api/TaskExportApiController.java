package io.taskvault.exchange.api;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.taskvault.exchange.ExportFormat;
import io.taskvault.exchange.TaskListExport;
import io.taskvault.task.Priority;
import io.taskvault.task.TaskQuery;
import io.taskvault.task.TaskState;
import io.taskvault.system.api.KnownParameters;
import io.taskvault.task.api.TaskSearchQuery;
import io.taskvault.system.ApiStatuses;

/** REST: the tasks a search selects, every match, as a CSV or JSON-lines download streamed as it is read. */
@Tag(name = "exchange")
@RestController
class TaskExportApiController {

    private final TaskListExport export;

    TaskExportApiController(TaskListExport export) {
        this.export = export;
    }

    private static final Set<String> PARAMETERS = Set.of("format", "states", "roles", "providers", "priorities", "tags",
            "search", "date_from", "date_to", "updated_from", "updated_to", "sort", "order", "storyId", "epicId", "persona");

    /** Takes the filters and sort of {@code GET /api/tasks} (no paging: every match is written). */
    @Operation(summary = "Export the tasks a search selects (CSV or JSON lines)")
    @ApiStatuses({400})
    @GetMapping("/api/tasks/export")
    ResponseEntity<StreamingResponseBody> export(@RequestParam(defaultValue = "csv") String format,
                                                 @RequestParam(required = false) List<TaskState> states,
                                                 @RequestParam(required = false) List<String> roles,
                                                 @RequestParam(required = false) List<String> providers,
                                                 @RequestParam(required = false) List<Priority> priorities,
                                                 @RequestParam(required = false) List<String> tags,
                                                 @RequestParam(required = false) String search,
                                                 @RequestParam(name = "date_from", required = false) Instant dateFrom,
                                                 @RequestParam(name = "date_to", required = false) Instant dateTo,
                                                 @RequestParam(name = "updated_from", required = false) Instant updatedFrom,
                                                 @RequestParam(name = "updated_to", required = false) Instant updatedTo,
                                                 @RequestParam(required = false) String sort,
                                                 @RequestParam(required = false) String order,
                                                 @RequestParam(required = false) List<String> storyId,
                                                 @RequestParam(required = false) List<String> epicId,
                                                 @RequestParam(required = false) List<String> persona,
                                                 HttpServletRequest request) {
        KnownParameters.refuseOthers(request, PARAMETERS);
        ExportFormat as = ExportFormat.parse(format);
        TaskQuery query = TaskSearchQuery.of(TaskSearchQuery.both(states, null), TaskSearchQuery.both(roles, null),
                TaskSearchQuery.both(providers, null), TaskSearchQuery.both(priorities, null),
                TaskSearchQuery.both(tags, null), search, dateFrom, dateTo, updatedFrom, updatedTo, sort, order,
                TaskQuery.MAX_LIMIT, 0, null).withGroups(TaskQuery.setOf(storyId), TaskQuery.setOf(epicId),
                TaskQuery.setOf(persona));
        return download(export, query, as);
    }

    /** The streamed answer both doors give: the format's media type and an attachment with a dated file name. */
    static ResponseEntity<StreamingResponseBody> download(TaskListExport export, TaskQuery query, ExportFormat format) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(format.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(export.fileName(format)).build().toString())
                .body(out -> export.write(query, format, out));
    }
}

package io.taskvault.events.api;

import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.taskvault.events.EventFilter;
import io.taskvault.events.EventPosition;
import io.taskvault.events.EventStream;
import io.taskvault.task.InvalidTaskException;
import io.taskvault.task.TaskQuery;
import io.taskvault.task.TaskState;
import io.taskvault.system.api.KnownParameters;
import io.taskvault.system.ApiStatuses;

/** {@code GET /api/events}: every stored task change as Server-Sent Events, resumable with {@code Last-Event-ID}. */
@Tag(name = "events", description = "Every stored task change as Server-Sent Events")
@RestController
class EventsApiController {

    static final Set<String> PARAMETERS = Set.of("state", "role", "storyId", "epicId");

    private final EventStream stream;

    EventsApiController(EventStream stream) {
        this.stream = stream;
    }

    @Operation(summary = "Stream task changes (Server-Sent Events)")
    @ApiStatuses({400})
    @GetMapping("/api/events")
    SseEmitter events(@RequestParam(required = false) List<TaskState> state,
                      @RequestParam(required = false) List<String> role,
                      @RequestParam(required = false) List<String> storyId,
                      @RequestParam(required = false) List<String> epicId,
                      @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
                      HttpServletRequest request) {
        KnownParameters.refuseOthers(request, PARAMETERS);
        EventPosition from = lastEventId == null || lastEventId.isBlank() ? null : position(lastEventId);
        return stream.open(new EventFilter(TaskQuery.setOf(state), TaskQuery.setOf(role), TaskQuery.setOf(storyId),
                TaskQuery.setOf(epicId)), from);
    }

    private static EventPosition position(String lastEventId) {
        try {
            return EventPosition.parse(lastEventId.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidTaskException("Last-Event-ID", e.getMessage());
        }
    }
}

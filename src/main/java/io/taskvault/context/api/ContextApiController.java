package io.taskvault.context.api;

import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.taskvault.context.AiInteraction;
import io.taskvault.context.ContextHealth;
import io.taskvault.context.ContextKind;
import io.taskvault.context.ContextRecord;
import io.taskvault.context.ContextService;
import io.taskvault.context.PromptContextService;
import io.taskvault.task.InvalidTaskException;
import io.taskvault.system.ApiStatuses;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** The REST door to a task's context records, its prompt context and its context health. {id}: id or key. */
@Tag(name = "context", description = "A task's context records and the prompt assembled from them")
@RestController
@RequestMapping("/api/tasks/{id}")
class ContextApiController {

    private final ContextService context;
    private final PromptContextService prompts;
    private final JsonMapper json;

    ContextApiController(ContextService context, PromptContextService prompts, JsonMapper json) {
        this.context = context;
        this.prompts = prompts;
        this.json = json;
    }

    /** {kind}: requirements, codebase, ai-interactions, validations or metrics; the body is that kind's record. */
    @Operation(summary = "Add a context record")
    @ApiStatuses({201, 400, 404, 413, 415})
    @PostMapping("/context/{kind}")
    ResponseEntity<ContextRecord> add(@PathVariable String id, @PathVariable String kind,
                                      @RequestBody Map<String, Object> body) {
        ContextKind type = ContextKind.parse(kind);
        ContextRecord draft;
        try {
            draft = json.convertValue(withDefaults(body, type.type()), type.type());
        } catch (JacksonException e) {
            throw new InvalidTaskException(kind, e.getOriginalMessage().replaceAll("`[\\w.$]+\\.(\\w+)`", "$1"));
        }
        ContextRecord stored = context.add(id, draft);
        return ResponseEntity.created(URI.create("/api/tasks/" + id + "/context/" + type.label() + "/" + stored.seq()))
                .body(stored);
    }

    /** Zero for the numbers the store assigns (seq, schemaVersion, body sizes), which callers leave out. */
    private static Map<String, Object> withDefaults(Map<String, Object> body, Class<?> type) {
        Map<String, Object> filled = new java.util.LinkedHashMap<>(body);
        for (java.lang.reflect.RecordComponent component : type.getRecordComponents()) {
            if (component.getType().isPrimitive()) {
                filled.putIfAbsent(component.getName(), 0);
            }
        }
        return filled;
    }

    @Operation(summary = "List a task's context records of a kind")
    @ApiStatuses({400, 404})
    @GetMapping("/context/{kind}")
    List<? extends ContextRecord> list(@PathVariable String id, @PathVariable String kind,
                                       @RequestParam(defaultValue = "50") int limit) {
        return context.list(id, ContextKind.parse(kind).type(), limit);
    }

    @Operation(summary = "One context record")
    @ApiStatuses({400, 404})
    @GetMapping("/context/{kind}/{seq}")
    ContextRecord get(@PathVariable String id, @PathVariable String kind, @PathVariable long seq) {
        return context.get(id, ContextKind.parse(kind).type(), seq);
    }

    /** {part}: request or response, streamed whether it is inline or in GridFS. */
    @Operation(summary = "An AI interaction's request or response, streamed")
    @ApiStatuses({400, 404})
    @GetMapping("/context/ai-interactions/{seq}/{part}")
    ResponseEntity<StreamingResponseBody> body(@PathVariable String id, @PathVariable long seq, @PathVariable String part) {
        if (!part.equals("request") && !part.equals("response")) {
            throw new InvalidTaskException("part", "'" + part + "' is not a body; use request or response");
        }
        AiInteraction interaction = context.get(id, AiInteraction.class, seq);
        StreamingResponseBody stream = out -> {
            try (InputStream in = context.openBody(interaction, part.equals("request"))) {
                in.transferTo(out);
            }
        };
        Object inline = part.equals("request") ? interaction.request() : interaction.response();
        MediaType type = inline instanceof Map<?, ?> ? MediaType.APPLICATION_JSON
                : MediaType.parseMediaType("text/plain; charset=utf-8");
        return ResponseEntity.ok().contentType(type).body(stream);
    }

    /** format=markdown|json; budget in chars or tokens (≈ chars/4), default from taskvault.context. */
    @Operation(summary = "The assembled prompt context")
    @ApiStatuses({400, 404})
    @GetMapping("/prompt-context")
    ResponseEntity<String> prompt(@PathVariable String id, @RequestParam(defaultValue = "markdown") String format,
                                  @RequestParam(required = false) Integer chars,
                                  @RequestParam(required = false) Integer tokens) {
        String body = prompts.export(id, prompts.budget(chars, tokens), format);
        MediaType type = format.equalsIgnoreCase("json") ? MediaType.APPLICATION_JSON
                : MediaType.parseMediaType("text/markdown; charset=utf-8");
        return ResponseEntity.ok().contentType(type).body(body);
    }

    @Operation(summary = "The task's context health score")
    @ApiStatuses({404})
    @GetMapping("/context-health")
    ContextHealth health(@PathVariable String id) {
        return prompts.health(id);
    }
}

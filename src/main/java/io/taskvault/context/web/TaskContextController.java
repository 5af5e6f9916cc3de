package io.taskvault.context.web;

import java.io.InputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletResponse;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import io.taskvault.system.web.LogPage;
import io.taskvault.context.AiInteraction;
import io.taskvault.context.ContextKind;
import io.taskvault.context.ContextRecord;
import io.taskvault.context.ContextService;
import io.taskvault.context.PromptContextService;
import io.taskvault.context.ValidationStatus;
import io.taskvault.task.InvalidTaskException;
import io.taskvault.task.Task;
import io.taskvault.task.TaskService;

/**
 * A task's context records at /tasks/{ref}/context: listed per kind with a form to add one, each record opened in
 * full (AI request/response bodies paged like logs), the prompt-context download and the context health score.
 */
@Controller
class TaskContextController {

    static final String PAGE = "context/context";
    static final String SECTION = "context/context :: section";
    static final String RECORD_PAGE = "context/record";
    static final String RECORD = "context/record :: record";
    static final int LISTED = 20;

    private final TaskService tasks;
    private final ContextService context;
    private final PromptContextService prompts;

    TaskContextController(TaskService tasks, ContextService context, PromptContextService prompts) {
        this.tasks = tasks;
        this.context = context;
        this.prompts = prompts;
    }

    @GetMapping("/tasks/{ref}/context")
    String page(@PathVariable String ref, Model model) {
        describe(ref, model, null, Map.of(), Map.of());
        return PAGE;
    }

    @HxRequest
    @GetMapping("/tasks/{ref}/context")
    String section(@PathVariable String ref, Model model) {
        describe(ref, model, null, Map.of(), Map.of());
        return SECTION;
    }

    /** Adds a record of the kind; a rejected value comes back next to its field (422), the form keeping the input. */
    @HxRequest
    @PostMapping("/tasks/{ref}/context/{kind}")
    String add(@PathVariable String ref, @PathVariable String kind, @RequestParam Map<String, String> submitted,
               Model model, HttpServletResponse response) {
        ContextKind type = ContextKind.parse(kind);
        ContextForm.Parsed parsed = ContextForm.parse(type, submitted);
        Map<String, String> problems = parsed.problems();
        if (problems.isEmpty()) {
            try {
                ContextRecord stored = context.add(ref, parsed.draft());
                model.addAttribute("added", ContextView.TITLES.get(type) + " #" + stored.seq() + " added.");
                describe(ref, model, type, Map.of(), Map.of());
                return SECTION;
            } catch (InvalidTaskException e) {
                problems = e.errors();
            }
        }
        response.setStatus(422);
        describe(ref, model, type, submitted, problems);
        return SECTION;
    }

    @GetMapping("/tasks/{ref}/context/{kind}/{seq}")
    String recordPage(@PathVariable String ref, @PathVariable String kind, @PathVariable long seq,
                      @RequestParam(defaultValue = "request") String part, @RequestParam(defaultValue = "1") int page,
                      Model model) {
        record(ref, kind, seq, part, page, model);
        return RECORD_PAGE;
    }

    @HxRequest
    @GetMapping("/tasks/{ref}/context/{kind}/{seq}")
    String record(@PathVariable String ref, @PathVariable String kind, @PathVariable long seq,
                  @RequestParam(defaultValue = "request") String part, @RequestParam(defaultValue = "1") int page,
                  Model model) {
        ContextKind type = ContextKind.parse(kind);
        ContextRecord record = context.get(ref, type.type(), seq);
        model.addAttribute("task", tasks.get(ref));
        model.addAttribute("kind", type);
        model.addAttribute("kindTitle", ContextView.TITLES.get(type));
        model.addAttribute("record", record);
        model.addAttribute("fields", ContextView.fields(record));
        if (record instanceof AiInteraction interaction) {
            if (!part.equals("request") && !part.equals("response")) {
                throw new InvalidTaskException("part", "'" + part + "' is not a body; use request or response");
            }
            try (InputStream in = context.openBody(interaction, part.equals("request"))) {
                model.addAttribute("body", LogPage.read(in, page));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            model.addAttribute("part", part);
            model.addAttribute("bodySize", part.equals("request") ? interaction.requestSize() : interaction.responseSize());
        }
        return RECORD;
    }

    /** The prompt context as a download; budget in characters or tokens (unit=chars|tokens). */
    @GetMapping("/tasks/{ref}/context/prompt")
    ResponseEntity<byte[]> prompt(@PathVariable String ref, @RequestParam(defaultValue = "markdown") String format,
                                  @RequestParam(required = false) Integer budget,
                                  @RequestParam(defaultValue = "chars") String unit) {
        if (!unit.equals("chars") && !unit.equals("tokens")) {
            throw new InvalidTaskException("unit", "'" + unit + "' is not a budget unit; use chars or tokens");
        }
        Task task = tasks.get(ref);
        int chars = prompts.budget(unit.equals("chars") ? budget : null, unit.equals("tokens") ? budget : null);
        String body = prompts.export(task.getId(), chars, format);
        boolean json = format.equalsIgnoreCase("json");
        String name = task.getKey() + "-prompt-context" + (json ? ".json" : ".md");
        return ResponseEntity.ok()
                .contentType(json ? MediaType.APPLICATION_JSON : MediaType.parseMediaType("text/markdown; charset=utf-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(body.getBytes(StandardCharsets.UTF_8));
    }

    private void describe(String ref, Model model, ContextKind open, Map<String, String> submitted,
                          Map<String, String> problems) {
        Task task = tasks.get(ref);
        Map<ContextKind, List<Listed>> records = new LinkedHashMap<>();
        Map<ContextKind, Long> counts = new LinkedHashMap<>();
        for (ContextKind kind : ContextView.TITLES.keySet()) {
            records.put(kind, context.list(task.getId(), kind.type(), LISTED).stream()
                    .map(r -> new Listed(r.seq(), r.at(), ContextView.summary(r))).toList());
            counts.put(kind, context.count(task.getId(), kind));
        }
        model.addAttribute("task", task);
        model.addAttribute("titles", ContextView.TITLES);
        model.addAttribute("addLabels", ContextView.ADD);
        model.addAttribute("records", records);
        model.addAttribute("counts", counts);
        model.addAttribute("health", prompts.health(task.getId()));
        model.addAttribute("open", open);
        model.addAttribute("submitted", submitted);
        model.addAttribute("problems", problems);
        model.addAttribute("statuses", ValidationStatus.values());
    }

    /** One line of a kind's list. */
    record Listed(long seq, java.time.Instant at, String summary) {
    }
}

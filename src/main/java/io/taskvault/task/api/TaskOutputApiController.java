package io.taskvault.task.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.taskvault.task.InvalidTaskException;
import io.taskvault.task.TaskService;
import io.taskvault.task.output.OutputDraft;
import io.taskvault.task.output.OutputType;
import io.taskvault.task.output.ServedOutput;
import io.taskvault.task.output.TaskOutput;
import io.taskvault.system.ApiStatuses;

/**
 * REST: a task's outputs. Add as JSON text or as a multipart file upload (for large logs and artifacts), list them,
 * and fetch one's content as a stream. {@code /api/tasks/outputs/{id}} is the source design's path.
 */
@Tag(name = "tasks")
@RestController
@RequestMapping("/api")
class TaskOutputApiController {

    private final TaskService tasks;

    TaskOutputApiController(TaskService tasks) {
        this.tasks = tasks;
    }

    @Operation(summary = "List a task's outputs")
    @ApiStatuses({404})
    @GetMapping({"/tasks/{id}/outputs", "/tasks/outputs/{id}"})
    List<TaskOutput> outputs(@PathVariable String id) {
        return tasks.outputs(id);
    }

    @Operation(summary = "Add an output (JSON)")
    @ApiStatuses({201, 400, 404, 413, 415})
    @PostMapping(value = {"/tasks/{id}/outputs", "/tasks/outputs/{id}"}, consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<TaskOutput> add(@PathVariable String id, @RequestBody OutputRequest request,
                                   @RequestHeader(value = ApiActor.HEADER, required = false) String actor) {
        OutputDraft draft = OutputDraft.text(request.type(), request.content())
                .withFile(request.filePath(), request.mimeType()).withCommit(request.commitHash(), request.branch());
        return created(id, tasks.appendOutput(id, draft, ApiActor.of(actor, request.actor())));
    }

    /** Multipart: part {@code file} (the content, streamed to the store) and field {@code type}. */
    @Operation(summary = "Upload an output (multipart)")
    @ApiStatuses({201, 400, 404, 413, 415})
    @PostMapping(value = "/tasks/{id}/outputs", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<TaskOutput> upload(@PathVariable String id, @RequestParam OutputType type,
                                      @RequestPart MultipartFile file,
                                      @RequestParam(required = false) String filePath,
                                      @RequestHeader(value = ApiActor.HEADER, required = false) String actor) {
        if (file.isEmpty()) {
            throw new InvalidTaskException("file", "is empty");
        }
        String mime = file.getContentType() == null ? MediaType.APPLICATION_OCTET_STREAM_VALUE : file.getContentType();
        OutputDraft draft = new OutputDraft(type, () -> open(file), null, mime, null, null)
                .withFile(filePath == null || filePath.isBlank() ? file.getOriginalFilename() : filePath.trim(), mime);
        return created(id, tasks.appendOutput(id, draft, ApiActor.of(actor, null)));
    }

    /**
     * The output's content, streamed (a 100 MiB log never sits in memory whole): text as text/plain, anything else as
     * an attachment, never as the type the uploader declared (see {@link ServedOutput}).
     */
    @Operation(summary = "One output's content, streamed")
    @ApiStatuses({404})
    @GetMapping({"/tasks/{id}/outputs/{seq}", "/tasks/outputs/{id}/{seq}"})
    ResponseEntity<StreamingResponseBody> content(@PathVariable String id, @PathVariable long seq) {
        TaskOutput output = tasks.output(id, seq);
        StreamingResponseBody body = out -> {
            try (InputStream in = tasks.openOutput(output)) {
                in.transferTo(out);
            }
        };
        return ResponseEntity.ok().headers(ServedOutput.headers(output, id, false)).body(body);
    }

    private static ResponseEntity<TaskOutput> created(String id, TaskOutput output) {
        return ResponseEntity.created(URI.create("/api/tasks/" + id + "/outputs/" + output.seq())).body(output.summary());
    }

    private static InputStream open(MultipartFile file) {
        try {
            return file.getInputStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

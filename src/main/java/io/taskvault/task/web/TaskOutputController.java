package io.taskvault.task.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxResponse;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import io.taskvault.system.web.LogPage;
import io.taskvault.task.InvalidTaskException;
import io.taskvault.task.TaskService;
import io.taskvault.task.output.OutputDraft;
import io.taskvault.task.output.OutputType;
import io.taskvault.task.output.ServedOutput;
import io.taskvault.task.output.TaskOutput;

/** A task's outputs: adding one, paging through a log, downloading an artifact. */
@Controller
class TaskOutputController {

    static final String LOG = "tasks/forms :: log";
    static final String LOG_PAGE = "tasks/log";

    private final TaskService tasks;
    private final TaskView view;

    TaskOutputController(TaskService tasks, TaskView view) {
        this.tasks = tasks;
        this.view = view;
    }

    @HxRequest
    @GetMapping("/tasks/{ref}/outputs/{seq}")
    String log(@PathVariable String ref, @PathVariable long seq, @RequestParam(defaultValue = "1") int page, Model model) {
        readLog(ref, seq, page, model);
        return LOG;
    }

    /** The same log opened directly (a shared link, a new tab): the viewer inside the page layout. */
    @GetMapping("/tasks/{ref}/outputs/{seq}")
    String logPage(@PathVariable String ref, @PathVariable long seq, @RequestParam(defaultValue = "1") int page,
                   Model model) {
        readLog(ref, seq, page, model);
        return LOG_PAGE;
    }

    private void readLog(String ref, long seq, int page, Model model) {
        TaskOutput output = tasks.output(ref, seq);
        try (InputStream in = tasks.openOutput(output)) {
            model.addAttribute("log", LogPage.read(in, page));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        model.addAttribute("ref", ref);
        model.addAttribute("output", output.summary());
    }

    @GetMapping("/tasks/{ref}/outputs/{seq}/download")
    ResponseEntity<InputStreamResource> download(@PathVariable String ref, @PathVariable long seq) {
        TaskOutput output = tasks.output(ref, seq);
        return ResponseEntity.ok().headers(ServedOutput.headers(output, ref, true))
                .body(new InputStreamResource(tasks.openOutput(output)));
    }

    /** Adds typed text or an uploaded file as an output. */
    @HxRequest
    @PostMapping("/tasks/{ref}/outputs")
    String add(@PathVariable String ref, @RequestParam("type") OutputType type,
               @RequestParam(name = "content", defaultValue = "") String content,
               @RequestParam(name = "filePath", required = false) String filePath,
               @RequestParam(name = "file", required = false) MultipartFile file, Model model, HtmxResponse htmx) {
        OutputDraft draft;
        if (file != null && !file.isEmpty()) {
            draft = new OutputDraft(type, () -> open(file), null, file.getContentType(), null, null)
                    .withFile(blank(filePath) ? file.getOriginalFilename() : filePath.trim(), file.getContentType());
        } else if (!content.isEmpty()) {
            draft = OutputDraft.text(type, content);
            if (!blank(filePath)) {
                draft = draft.withFile(filePath.trim(), "text/plain; charset=utf-8");
            }
        } else {
            throw new InvalidTaskException("content", "is empty: type some text or choose a file");
        }
        tasks.appendOutput(ref, draft, DashboardActor.current());
        htmx.addTrigger(LiveController.EVENT);
        view.describe(ref, model);
        return TaskDetailController.LIVE;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static InputStream open(MultipartFile file) {
        try {
            return file.getInputStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

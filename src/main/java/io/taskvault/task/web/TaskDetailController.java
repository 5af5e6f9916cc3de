package io.taskvault.task.web;

import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletResponse;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxResponse;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import io.taskvault.task.InvalidTaskException;
import io.taskvault.task.Priority;
import io.taskvault.task.Task;
import io.taskvault.task.TaskService;
import io.taskvault.task.TaskState;
import io.taskvault.task.output.OutputType;

/** One task at /tasks/{ref}: every field, its history and outputs, and what can be done to it now. */
@Controller
class TaskDetailController {

    static final String PAGE = "tasks/detail";
    static final String LIVE = "tasks/detail :: live";
    static final String EDIT = "tasks/forms :: edit";

    private final TaskService tasks;
    private final TaskView view;

    TaskDetailController(TaskService tasks, TaskView view) {
        this.tasks = tasks;
        this.view = view;
    }

    @GetMapping("/tasks/{ref}")
    String page(@PathVariable String ref, Model model) {
        Task task = view.describe(ref, model);
        model.addAttribute("form", view.formValues(task));
        model.addAttribute("outputTypes", OutputType.values());
        model.addAttribute("editFields", TaskForm.FIELDS);
        model.addAttribute("priorities", Priority.values());
        model.addAttribute("mayDelete", tasks.mayDelete());
        return PAGE;
    }

    @HxRequest
    @GetMapping("/tasks/{ref}")
    String live(@PathVariable String ref, Model model) {
        view.describe(ref, model);
        return LIVE;
    }

    @HxRequest
    @PostMapping("/tasks/{ref}/transition")
    String transition(@PathVariable String ref, @RequestParam("to") TaskState to,
                      @RequestParam(name = "reason", required = false) String reason,
                      @RequestParam(name = "version", required = false) Long version, Model model, HtmxResponse htmx) {
        Task task = tasks.get(ref);
        String why = reason == null || reason.isBlank() ? "changed from the dashboard" : reason.trim();
        if (task.getState() == TaskState.ARCHIVED && to == task.getPreviousState()) {
            tasks.restore(task.getId(), DashboardActor.current());
        } else {
            tasks.transition(task.getId(), to, DashboardActor.current(), why, Map.of(), version);
        }
        htmx.addTrigger(LiveController.EVENT);
        view.describe(task.getId(), model);
        return LIVE;
    }

    @HxRequest
    @PostMapping("/tasks/{ref}/notes")
    String note(@PathVariable String ref, @RequestParam(name = "note", defaultValue = "") String note, Model model,
                HtmxResponse htmx) {
        tasks.addNote(ref, note, DashboardActor.current());
        htmx.addTrigger(LiveController.EVENT);
        view.describe(ref, model);
        return LIVE;
    }

    /** Saves edited fields; a rejected value comes back as a message next to its field (422). */
    @HxRequest
    @PostMapping("/tasks/{ref}/edit")
    String edit(@PathVariable String ref, @RequestParam Map<String, String> submitted, Model model, HtmxResponse htmx,
                HttpServletResponse response) {
        Task task = tasks.get(ref);
        model.addAttribute("task", task);
        model.addAttribute("editFields", TaskForm.FIELDS);
        model.addAttribute("priorities", Priority.values());
        try {
            Map<String, Object> patch = TaskForm.patch(view.formValues(task), submitted);
            if (patch.isEmpty()) {
                model.addAttribute("form", view.formValues(task));
                model.addAttribute("saved", "Nothing changed.");
                return EDIT;
            }
            //why: TaskForm.patch already merged field by field, so a state move meanwhile must not block the edit
            Task saved = tasks.update(task.getId(), patch, DashboardActor.current(), null);
            model.addAttribute("task", saved);
            model.addAttribute("form", view.formValues(saved));
            model.addAttribute("saved", "Saved " + String.join(", ", patch.keySet()) + ".");
            htmx.addTrigger(LiveController.EVENT);
        } catch (InvalidTaskException e) {
            response.setStatus(422);
            model.addAttribute("form", new java.util.LinkedHashMap<>(submitted));
            //why: a refused dependsOn is taken back after the rest of the patch was stored; compare with what is stored now
            model.addAttribute("shown", view.formValues(tasks.get(task.getId())));
            model.addAttribute("errors", e.errors());
        }
        return EDIT;
    }
}

package io.taskvault.task.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.view.RedirectView;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRedirectView;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import io.taskvault.task.TaskService;
import io.taskvault.task.deletion.Tombstone;

/** The detail page's Delete (ADMIN, after the browser's confirmation): back to the list, which says what went. */
@Controller
class TaskDeletionController {

    static final String FLASH = "flash";

    private final TaskService tasks;

    TaskDeletionController(TaskService tasks) {
        this.tasks = tasks;
    }

    //why: HX-Redirect for htmx (a 302 would be followed inside the fragment swap), a plain redirect otherwise
    @PostMapping("/tasks/{ref}/delete")
    View delete(@PathVariable String ref, @RequestParam(name = "reason", required = false) String reason,
                HtmxRequest htmx, RedirectAttributes redirect) {
        Tombstone tombstone = tasks.delete(ref, DashboardActor.current(), reason);
        redirect.addFlashAttribute(FLASH, "Deleted " + tombstone.key() + " (" + tombstone.title() + ") with its history,"
                + " outputs, context and edges; its tombstone keeps who deleted it, when and why.");
        return htmx.isHtmxRequest() ? new HtmxRedirectView("/tasks") : new RedirectView("/tasks", true);
    }
}

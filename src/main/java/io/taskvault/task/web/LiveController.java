package io.taskvault.task.web;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletResponse;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxResponse;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import io.taskvault.system.web.Formats;
import io.taskvault.task.TaskService;

/**
 * The one poll every dashboard page makes. It compares the page's version of the tasks collection with the
 * tasks' change counter: unchanged answers 204 (htmx swaps nothing), changed answers a fresh poller and the
 * {@code taskChanged} event that each live fragment listens for. Writes from the REST API, the shell or another
 * process sharing the embedded store all bump the counter, so they all show up.
 */
@Controller
class LiveController {

    static final String EVENT = "taskChanged";
    static final String POLLER = "layout :: poller";

    private final TaskService tasks;

    LiveController(TaskService tasks) {
        this.tasks = tasks;
    }

    @HxRequest
    @GetMapping("/live")
    String poll(@RequestParam(name = "v", defaultValue = "-1") long seen, Model model, HtmxResponse htmx,
                HttpServletResponse response) {
        long now = tasks.changeVersion();
        if (now == seen) {
            //why: a null view with the response in hand tells Spring the answer is complete: an empty 204
            response.setStatus(HttpStatus.NO_CONTENT.value());
            return null;
        }
        model.addAttribute("liveVersion", now);
        htmx.addTrigger(EVENT);
        return POLLER;
    }

    /** Hands every dashboard page the version it was rendered at (for its poller) and the formats. */
    //why: by name, as the dashboard's pages live in their features' packages, which this package must not import
    @ControllerAdvice(basePackages = {"io.taskvault.task.web", "io.taskvault.overview", "io.taskvault.context.web",
            "io.taskvault.exchange.web", "io.taskvault.story.web", "io.taskvault.preferences.web"})
    static class PageModel {

        private static final Formats FORMATS = new Formats();

        private final TaskService tasks;

        PageModel(TaskService tasks) {
            this.tasks = tasks;
        }

        @ModelAttribute("liveVersion")
        long liveVersion() {
            return tasks.changeVersion();
        }

        @ModelAttribute("fmt")
        Formats formats() {
            return FORMATS;
        }
    }
}

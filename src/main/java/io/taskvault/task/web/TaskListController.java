package io.taskvault.task.web;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.TypeMismatchException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxResponse;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import io.taskvault.system.Spelling;
import io.taskvault.task.InvalidTaskException;
import io.taskvault.task.Priority;
import io.taskvault.task.SavedViews;
import io.taskvault.task.Task;
import io.taskvault.task.TaskQuery;
import io.taskvault.task.TaskPage;
import io.taskvault.task.TaskService;
import io.taskvault.task.TaskState;

/** The task list at /tasks: filter bar, sortable columns, pages and bulk actions. */
@Controller
class TaskListController {

    static final String PAGE = "tasks/list";
    static final String RESULTS = "tasks/list :: results";
    static final String CONFIRM = "tasks/bulk :: confirm";
    static final String BULK_DONE = "tasks/bulk :: bulk-done";

    private final TaskService tasks;
    private final BulkTasks bulk;
    private final ObjectProvider<SavedViews> views;

    TaskListController(TaskService tasks, BulkTasks bulk, ObjectProvider<SavedViews> views) {
        this.tasks = tasks;
        this.bulk = bulk;
        this.views = views;
    }

    @GetMapping("/tasks")
    String page(@ModelAttribute("filter") TaskFilter filter, BindingResult binding,
                @RequestParam(name = "selected", required = false) List<String> selected, Model model,
                HttpServletRequest request) {
        fill(filter, binding, selected, model, request);
        model.addAttribute("states", TaskState.values());
        model.addAttribute("priorities", Priority.values());
        return PAGE;
    }

    @HxRequest
    @GetMapping("/tasks")
    String results(@ModelAttribute("filter") TaskFilter filter, BindingResult binding,
                   @RequestParam(name = "selected", required = false) List<String> selected, Model model,
                HttpServletRequest request) {
        fill(filter, binding, selected, model, request);
        return RESULTS;
    }

    /** Step one of a bulk action: say how many tasks it will touch and ask. */
    @HxRequest
    @PostMapping("/tasks/bulk/confirm")
    String confirm(@ModelAttribute("filter") TaskFilter filter, @RequestParam("action") BulkAction action,
                   @RequestParam(name = "selected", required = false) List<String> selected, Model model) {
        List<String> chosen = selected == null ? List.of() : selected;
        filter.openWith(views.getIfAvailable());
        model.addAttribute("action", action);
        model.addAttribute("chosen", chosen);
        model.addAttribute("count", bulk.count(action, chosen, filter));
        return CONFIRM;
    }

    @HxRequest
    @PostMapping("/tasks/bulk")
    String run(@ModelAttribute("filter") TaskFilter filter, @RequestParam("action") BulkAction action,
               @RequestParam(name = "selected", required = false) List<String> selected, Model model,
               HtmxResponse htmx) {
        filter.openWith(views.getIfAvailable());
        BulkResult result = bulk.apply(action, selected == null ? List.of() : selected, filter);
        model.addAttribute("result", result);
        if (!result.changed().isEmpty()) {
            htmx.addTrigger(LiveController.EVENT);
        }
        return BULK_DONE;
    }

    /**
     * The page's rows in display order, its next cursor (at the last row) and, in the model, the previous cursor
     * (at the first row). A cursor is a position, the same in either direction, so one extra one-row read finds the
     * cursor the main read did not hand out.
     */
    /** The list's own words, REST's and the shell's for the same filters, and the bulk form's fields. */
    static final Set<String> PARAMETERS = Set.of("state", "states", "role", "provider", "priority", "tags", "tag", "q",
            "search", "text", "from", "to", "sort", "desc", "page", "after", "before", "selected", "action", "_csrf",
            "storyId", "story", "epicId", "epic", "persona", "view");

    private static String problem(FieldError error) {
        if (error.contains(TypeMismatchException.class)
                && error.unwrap(TypeMismatchException.class).getMostSpecificCause() instanceof InvalidTaskException words) {
            return error.getField() + ": " + String.join("; ", words.errors().values());
        }
        Object rejected = error.getRejectedValue();
        String text = rejected instanceof Object[] values ? String.join(",", java.util.Arrays.stream(values)
                .map(String::valueOf).toList()) : String.valueOf(rejected);
        return "'" + text + "' is not a valid " + error.getField();
    }

    private TaskPage pageWithCursors(TaskFilter filter, Model model) {
        TaskQuery query = filter.toQuery();
        TaskPage found = tasks.list(query);
        List<Task> rows = found.tasks();
        String next;
        String previous;
        if (filter.backward()) {
            rows = new ArrayList<>(rows);
            Collections.reverse(rows);
            previous = found.nextCursor();
            next = rows.isEmpty() ? null : tasks.cursorAfterFirst(query.withLimit(1, 0));
        } else {
            next = found.nextCursor();
            previous = filter.getPage() > 2 && !rows.isEmpty()
                    ? tasks.cursorAfterFirst(query) : null;
        }
        model.addAttribute("prevCursor", previous);
        return new TaskPage(rows, found.total(), found.offset(), found.limit(), next);
    }

    private void fill(TaskFilter filter, BindingResult binding, List<String> selected, Model model,
                      HttpServletRequest request) {
        model.addAttribute("selected", selected == null ? List.of() : selected);
        SavedViews saved = views.getIfAvailable();
        model.addAttribute("savedViews", saved == null ? List.of() : saved.names());
        List<String> problems = new ArrayList<>(binding.getFieldErrors().stream().map(TaskListController::problem).toList());
        if (problems.isEmpty()) {
            try {
                filter.openWith(saved);
            } catch (InvalidTaskException e) {
                problems.addAll(e.errors().values());
            }
        }
        for (String name : request.getParameterMap().keySet()) {
            if (!PARAMETERS.contains(name)) {
                problems.add("'" + name + "' is not a filter of this list" + Spelling.suggestion(name, PARAMETERS, ""));
            }
        }
        if (!problems.isEmpty()) {
            model.addAttribute("filterErrors", problems);
            model.addAttribute("page", new TaskPage(List.of(), 0, 0, TaskFilter.PAGE_SIZE, null));
            model.addAttribute("lastPage", 1);
            return;
        }
        TaskPage page = pageWithCursors(filter, model);
        model.addAttribute("page", page);
        model.addAttribute("lastPage", Math.max(1, (int) ((page.total() + TaskFilter.PAGE_SIZE - 1) / TaskFilter.PAGE_SIZE)));
    }
}

package io.taskvault.exchange.web;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import io.taskvault.exchange.ExportFormat;
import io.taskvault.exchange.TaskListExport;
import io.taskvault.task.SavedViews;
import io.taskvault.task.TaskQuery;
import io.taskvault.task.web.TaskFilter;

/** Dashboard: the task list's "download" links, every task the list's filter selects, in its sort. */
@Controller
class TaskExportController {

    private final TaskListExport export;
    private final ObjectProvider<SavedViews> views;

    TaskExportController(TaskListExport export, ObjectProvider<SavedViews> views) {
        this.export = export;
        this.views = views;
    }

    /** The list's own filter parameters ({@code state}, {@code role}, {@code q}, {@code from}, …) plus {@code format}. */
    @GetMapping("/tasks/export")
    ResponseEntity<StreamingResponseBody> export(@ModelAttribute TaskFilter filter,
                                                 @RequestParam(defaultValue = "csv") String format) {
        ExportFormat as = ExportFormat.parse(format);
        filter.openWith(views.getIfAvailable());
        TaskQuery query = filter.exportQuery();
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(as.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(export.fileName(as)).build().toString())
                .body(out -> export.write(query, as, out));
    }
}

package io.taskvault.exchange;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.stereotype.Service;

import tools.jackson.databind.json.JsonMapper;

import io.taskvault.system.ProgressListener;
import io.taskvault.task.Task;
import io.taskvault.task.TaskPage;
import io.taskvault.task.TaskQuery;
import io.taskvault.task.TaskService;

/**
 * Writes the tasks a list filter selects, in the list's order, as CSV (RFC 4180, a header row, UTF-8) or JSON
 * lines, one task per row. Reads a page at a time through the list's cursor, so no more than a page is held.
 * The whole-store export ({@link TaskvaultExport}) is another thing: raw documents, for moving a store.
 */
@Service
public class TaskListExport {

    static final CSVFormat CSV = CSVFormat.RFC4180.builder().setHeader(ExportedTask.HEADER).get();
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final TaskService tasks;
    private final JsonMapper json;
    private final Clock clock;

    TaskListExport(TaskService tasks, JsonMapper json, Clock clock) {
        this.tasks = tasks;
        this.json = json;
        this.clock = clock;
    }

    /** A file name for an export made now, e.g. {@code taskvault-tasks-20261205-101500.csv}. */
    public String fileName(ExportFormat format) {
        return "taskvault-tasks-" + STAMP.format(clock.instant()) + "." + format.extension();
    }

    /** Writes every task {@code query} matches (its limit, offset and cursor ignored); returns how many. */
    public long write(TaskQuery query, ExportFormat format, OutputStream out) {
        return write(query, format, out, ProgressListener.NONE);
    }

    /** As {@link #write(TaskQuery, ExportFormat, OutputStream)}, telling {@code progress} how many are written. */
    public long write(TaskQuery query, ExportFormat format, OutputStream out, ProgressListener progress) {
        return write(query, format, new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8)), progress);
    }

    /** As {@link #write(TaskQuery, ExportFormat, OutputStream, ProgressListener)}, as text; flushes, never closes. */
    public long write(TaskQuery query, ExportFormat format, Writer writer, ProgressListener progress) {
        try {
            CSVPrinter csv = format == ExportFormat.CSV ? new CSVPrinter(writer, CSV) : null;
            long written = 0;
            TaskQuery page = query.withLimit(TaskQuery.MAX_LIMIT, 0).withCursor(null);
            while (page != null) {
                TaskPage found = tasks.list(page);
                Map<String, String> keys = dependencyKeys(found.tasks());
                for (Task task : found.tasks()) {
                    ExportedTask row = ExportedTask.of(task, task.getDependsOn().stream().map(id -> keys.getOrDefault(id, id)).toList());
                    if (csv != null) {
                        csv.printRecord(row.values());
                    } else {
                        writer.write(json.writeValueAsString(row));
                        writer.write('\n');
                    }
                    written++;
                }
                progress.progress(written, Math.max(written, found.total()));
                page = found.nextCursor() == null ? null : page.withCursor(found.nextCursor());
            }
            writer.flush();
            return written;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the export: " + e.getMessage(), e);
        }
    }

    /** The keys of every dependency the page's tasks name, read in one go; a deleted dependency keeps its id. */
    private Map<String, String> dependencyKeys(List<Task> page) {
        Set<String> ids = new LinkedHashSet<>();
        page.forEach(task -> ids.addAll(task.getDependsOn()));
        Map<String, String> keys = new HashMap<>();
        if (!ids.isEmpty()) {
            tasks.byIds(List.copyOf(ids)).forEach(t -> keys.put(t.getId(), t.getKey()));
        }
        return keys;
    }
}

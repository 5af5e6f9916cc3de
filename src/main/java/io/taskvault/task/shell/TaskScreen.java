package io.taskvault.task.shell;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import io.taskvault.system.shell.ShellJson;
import io.taskvault.system.shell.ShellStyle;
import io.taskvault.system.shell.Table;
import io.taskvault.task.Task;
import io.taskvault.task.TaskDetail;
import io.taskvault.task.TaskPage;
import io.taskvault.task.TaskService;
import io.taskvault.task.history.ChainReport;
import io.taskvault.task.history.EventType;
import io.taskvault.task.history.HistoryEvent;
import io.taskvault.task.output.TaskOutput;

/** How tasks read at the shell: the list table, the detail page, history lines. */
@Component
class TaskScreen {

    private static final int RECENT_EVENTS = 5;
    private static final List<String> FIRST = List.of("key", "state", "priority", "role", "provider", "model",
            "assignee", "tags", "description", "lastError", "createdAt", "updatedAt", "startedAt", "completedAt");
    private static final java.util.Set<String> HIDDEN = java.util.Set.of("priorityRank", "keyNumber");
    //why: storage bookkeeping and fields shown in their own sections; a person reading a task needs none of them here
    private static final java.util.Set<String> NOT_SHOWN = java.util.Set.of("priorityRank", "keyNumber", "historySeq",
            "outputSeq", "schemaVersion", "version", "historyHash", "dependsOn", "relatedTo", "title", "id");
    private final TaskService tasks;
    private final ShellStyle style;
    private final ShellJson json;
    private final Clock clock;

    TaskScreen(TaskService tasks, ShellStyle style, ShellJson json, Clock clock) {
        this.tasks = tasks;
        this.style = style;
        this.json = json;
        this.clock = clock;
    }

    String stateOf(Task task) {
        return StateStyle.state(style, task.getState());
    }

    String table(List<Task> list) {
        if (list.isEmpty()) {
            return "No tasks match.\n";
        }
        Table table = new Table("KEY", "STATE", "PRI", "ROLE", "PROVIDER", "UPDATED", "TITLE").flex(6).style(1, padded -> StateStyle.cell(style, padded));
        for (Task t : list) {
            table.row(t.getKey(), t.getState(), t.getPriority(), t.getRole(), t.getProvider(), age(t.getUpdatedAt()),
                    t.getTitle());
        }
        return table.render(style.width());
    }

    String footer(TaskPage page) {
        String shown = page.tasks().size() + " of " + page.total() + " task" + (page.total() == 1 ? "" : "s");
        return style.dim(page.nextCursor() == null ? shown : shown + " (more: raise --limit or narrow the filters)");
    }

    /** Every field with a value, then dependencies, recent history, outputs and the hash chain's status. */
    String details(TaskDetail detail) {
        Task task = detail.task();
        StringBuilder out = new StringBuilder();
        out.append(style.bold(task.getKey() + "  " + task.getTitle())).append("  ").append(stateOf(task)).append('\n');
        Map<String, Object> fields = fields(task);
        int width = fields.keySet().stream().mapToInt(String::length).max().orElse(10);
        fields.forEach((name, value) -> out.append("  ").append(pad(name, width)).append("  ").append(value).append('\n'));
        references(out, "Depends on", task.getDependsOn());
        references(out, "Related to", task.getRelatedTo());
        List<HistoryEvent> events = detail.history();
        out.append(style.bold("Recent history")).append(" (").append(events.size())
                .append(events.size() == 1 ? " event)\n" : " events)\n");
        events.subList(Math.max(0, events.size() - RECENT_EVENTS), events.size())
                .forEach(e -> out.append(event(e, false)));
        List<TaskOutput> outputs = detail.outputs();
        out.append(style.bold("Outputs")).append(" (").append(outputs.size()).append(")");
        out.append(outputs.isEmpty() ? "" : ": " + outputs.stream()
                .collect(Collectors.groupingBy(o -> o.type().name(), java.util.TreeMap::new, Collectors.counting()))
                .entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", "))
                + ", " + bytes(outputs.stream().mapToLong(TaskOutput::size).sum()));
        out.append('\n').append(style.bold("Chain")).append("  ").append(chain(detail.chain())).append('\n');
        return out.toString();
    }

    //why: the lists hold ids; people read keys, titles and states
    private void references(StringBuilder out, String heading, List<String> ids) {
        if (ids.isEmpty()) {
            return;
        }
        out.append(style.bold(heading)).append('\n');
        ids.forEach(ref -> out.append("  ").append(tasks.find(ref)
                .map(t -> t.getKey() + "  " + oneLine(t.getTitle(), 40) + "  (" + stateOf(t) + ")")
                .orElse(ref + "  " + style.error("missing"))).append('\n'));
    }

    String chain(Task task) {
        return chain(tasks.verify(task));
    }

    private String chain(ChainReport report) {
        return report.intact() ? style.ok(report.summary()) : style.error(report.summary());
    }

    /** One history line, and with {@code diffs} one line per changed field: before → after. */
    String event(HistoryEvent e, boolean diffs) {
        StringBuilder line = new StringBuilder("  #").append(e.seq()).append("  ")
                .append(e.at() == null ? "" : e.at().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)).append("  ")
                .append(e.type());
        boolean moved = e.toState() != null && (e.fromState() != e.toState() || e.type() == EventType.CREATED);
        if (moved) {
            line.append("  ").append(e.fromState() == null ? "" : StateStyle.state(style, e.fromState()) + " → ")
                    .append(StateStyle.state(style, e.toState()));
        }
        line.append("  by ").append(e.actor());
        if (e.reason() != null && !e.reason().isBlank()) {
            line.append("  ").append(style.dim("\"" + oneLine(e.reason()) + "\""));
        }
        line.append('\n');
        if (diffs && e.changes() != null) {
            e.changes().forEach((field, change) -> {
                //why: a CREATED event lists every field; the empty ones and the derived sort keys only add noise
                if (!HIDDEN.contains(field) && !(isEmpty(change.before()) && isEmpty(change.after()))) {
                    line.append("      ").append(field).append(": ").append(value(change.before())).append(" → ")
                            .append(value(change.after())).append('\n');
                }
            });
        }
        return line.toString();
    }

    private Map<String, Object> fields(Task task) {
        Map<String, Object> shown = new LinkedHashMap<>();
        @SuppressWarnings("unchecked")
        Map<String, Object> all = new java.util.TreeMap<>(json.mapper().convertValue(task, Map.class));
        Map<String, Object> ordered = new LinkedHashMap<>();
        FIRST.forEach(name -> ordered.put(name, all.remove(name)));
        ordered.putAll(all);
        ordered.forEach((name, value) -> {
            if (isEmpty(value) || NOT_SHOWN.contains(name) || name.equals("targetDir") && ".".equals(value)
                    || name.equals("fullAccess") && Boolean.FALSE.equals(value)
                    || value instanceof Number n && n.longValue() == 0 && (name.equals("errorCount") || name.equals("attempt"))) {
                return;
            }
            if (name.endsWith("At") && value instanceof String text) {
                shown.put(name, when(text));
            } else if (value instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
                shown.put(name, list.stream().map(String::valueOf).collect(Collectors.joining(", ")));
            } else {
                shown.put(name, value instanceof String || value instanceof Number || value instanceof Boolean
                        ? value : json.compact(value));
            }
        });
        shown.put("id", style.dim(task.getId()));
        return shown;
    }

    private static boolean isEmpty(Object value) {
        return value == null || value instanceof Map<?, ?> m && m.isEmpty() || value instanceof List<?> l && l.isEmpty()
                || "".equals(value);
    }

    private String value(Object v) {
        if (v == null) {
            return style.dim("(none)");
        }
        return v instanceof String s ? "\"" + oneLine(s) + "\"" : json.compact(v);
    }

    private String age(Instant at) {
        if (at == null) {
            return "";
        }
        Duration d = Duration.between(at, clock.instant());
        if (d.toMinutes() < 1) {
            return Math.max(0, d.toSeconds()) + "s";
        }
        if (d.toHours() < 1) {
            return d.toMinutes() + "m";
        }
        return d.toDays() < 1 ? d.toHours() + "h" : d.toDays() + "d";
    }

    static String bytes(long size) {
        if (size < 1024) {
            return size + " B";
        }
        return size < 1024 * 1024 ? String.format("%.1f KiB", size / 1024.0) : String.format("%.1f MiB", size / 1048576.0);
    }

    private static String oneLine(String text) {
        return oneLine(text, 100);
    }

    private static String oneLine(String text, int max) {
        String flat = text == null ? "" : text.replaceAll("\\s+", " ").trim();
        return flat.length() > max ? flat.substring(0, max - 1) + "…" : flat;
    }

    /** "3h ago  (2026-11-22 10:15:00Z)": how long ago first, for people, then the exact time. */
    private String when(String text) {
        try {
            Instant at = Instant.parse(text);
            return age(at) + " ago  " + style.dim("(" + at.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                    .toString().replace('T', ' ') + ")");
        } catch (java.time.format.DateTimeParseException e) {
            return text;
        }
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(Math.max(0, width - text.length()));
    }
}

package io.taskvault.context.web;

import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.taskvault.system.web.Formats;
import io.taskvault.context.AiInteraction;
import io.taskvault.context.CodebaseContext;
import io.taskvault.context.ContextKind;
import io.taskvault.context.ContextRecord;
import io.taskvault.context.PerformanceMetric;
import io.taskvault.context.RequirementContext;
import io.taskvault.context.ValidationResult;

/** How context records read on the page: one line in a list, every field when opened. */
final class ContextView {

    static final int SUMMARY = 140;
    //why: bodies are paged separately (they may be megabytes in GridFS); ids and the task are in the heading
    private static final Set<String> NOT_SHOWN = Set.of("id", "taskId", "request", "response", "requestBodyId",
            "responseBodyId");
    private static final Formats FORMATS = new Formats();

    private ContextView() {
    }

    /** The kinds in page order with the titles and form fields each one has. */
    static final Map<ContextKind, String> TITLES = titles();

    /** What each kind's add button and disclosure say. */
    static final Map<ContextKind, String> ADD = Map.of(ContextKind.REQUIREMENTS, "Add a requirement",
            ContextKind.CODEBASE, "Add codebase context", ContextKind.AI_INTERACTIONS, "Add an AI interaction",
            ContextKind.VALIDATIONS, "Add a validation result", ContextKind.METRICS, "Add a metric");

    private static Map<ContextKind, String> titles() {
        Map<ContextKind, String> t = new LinkedHashMap<>();
        t.put(ContextKind.REQUIREMENTS, "Requirements");
        t.put(ContextKind.CODEBASE, "Codebase");
        t.put(ContextKind.AI_INTERACTIONS, "AI interactions");
        t.put(ContextKind.VALIDATIONS, "Validation results");
        t.put(ContextKind.METRICS, "Performance metrics");
        return t;
    }

    static String summary(ContextRecord record) {
        String text;
        if (record instanceof RequirementContext r) {
            text = "(" + r.type() + ") " + flat(r.content());
        } else if (record instanceof CodebaseContext c) {
            text = join(" · ", c.repository(), c.commit(), c.affectedFiles() == null ? null : String.join(", ", c.affectedFiles()));
        } else if (record instanceof AiInteraction a) {
            text = a.agent() + " " + a.type() + (a.failed() ? " · failed" : " · ok")
                    + (a.tokens() == null ? "" : " · " + a.tokens() + " tokens")
                    + (a.durationMs() == null ? "" : " · " + a.durationMs() + " ms");
        } else if (record instanceof ValidationResult v) {
            text = v.validator() + " (" + v.type() + "): " + v.status() + (v.score() == null ? "" : " · score " + v.score());
        } else {
            PerformanceMetric m = (PerformanceMetric) record;
            text = m.name() + " = " + m.value() + (m.unit() == null ? "" : " " + m.unit());
        }
        return text.length() > SUMMARY ? text.substring(0, SUMMARY) + " …" : text;
    }

    /** Every field but the bodies, in the record's order, as label and text. */
    static Map<String, String> fields(ContextRecord record) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            if (NOT_SHOWN.contains(component.getName())) {
                continue;
            }
            Object value;
            try {
                value = component.getAccessor().invoke(record);
            } catch (ReflectiveOperationException e) {
                value = "(unreadable)";
            }
            String label = component.getName().replaceAll("([A-Z])", " $1").toLowerCase(java.util.Locale.ROOT);
            fields.put(label, value instanceof java.time.Instant at ? FORMATS.when(at) : text(value));
        }
        return fields;
    }

    private static String text(Object value) {
        if (value == null) {
            return "—";
        }
        if (value instanceof Map<?, ?> map) {
            return map.isEmpty() ? "—" : flatLines(map);
        }
        if (value instanceof List<?> list) {
            return list.isEmpty() ? "—" : String.join("\n", list.stream().map(String::valueOf).toList());
        }
        return String.valueOf(value);
    }

    private static String flat(Map<String, Object> map) {
        return map == null ? "" : String.join("; ", map.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).toList());
    }

    private static String flatLines(Map<?, ?> map) {
        return String.join("\n", map.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).toList());
    }

    private static String join(String separator, String... parts) {
        return String.join(separator, java.util.Arrays.stream(parts).filter(p -> p != null && !p.isBlank()).toList());
    }
}

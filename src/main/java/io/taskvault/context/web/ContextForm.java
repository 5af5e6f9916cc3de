package io.taskvault.context.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.taskvault.context.AiInteraction;
import io.taskvault.context.CodebaseContext;
import io.taskvault.context.ContextKind;
import io.taskvault.context.ContextRecord;
import io.taskvault.context.PerformanceMetric;
import io.taskvault.context.RequirementContext;
import io.taskvault.context.ValidationResult;
import io.taskvault.context.ValidationStatus;

/**
 * Turns one "add context" form into a record draft. Text that does not parse (a number, a status, a
 * "name: value" line) is reported per field, like the record's own checks, so the page shows both next to the field.
 */
final class ContextForm {

    private final Map<String, String> values;
    private final Map<String, String> problems = new LinkedHashMap<>();

    private ContextForm(Map<String, String> values) {
        this.values = values;
    }

    /** The draft, or problems per field (the parse problems plus the record's own). */
    static Parsed parse(ContextKind kind, Map<String, String> submitted) {
        ContextForm form = new ContextForm(submitted);
        ContextRecord draft = switch (kind) {
            case REQUIREMENTS -> new RequirementContext(null, null, 0, form.text("type"), form.pairs("content"),
                    form.text("source"), null, RequirementContext.SCHEMA_VERSION);
            case CODEBASE -> new CodebaseContext(null, null, 0, form.text("repository"), form.text("commit"),
                    form.text("branch"), form.lines("affectedFiles"), form.lines("symbols"), form.text("notes"), null,
                    CodebaseContext.SCHEMA_VERSION);
            case AI_INTERACTIONS -> AiInteraction.exchange(form.text("agent"), form.text("type"))
                    .request(form.raw("request")).response(form.raw("response")).tokens(form.whole("tokens"))
                    .durationMs(form.whole("durationMs")).success(form.yesNo("success")).error(form.text("error"))
                    .sessionId(form.text("sessionId")).build();
            case VALIDATIONS -> new ValidationResult(null, null, 0, form.text("type"), form.text("validator"),
                    form.status("status"), form.decimal("score"), form.pairs("details"), form.lines("suggestions"),
                    null, ValidationResult.SCHEMA_VERSION);
            case METRICS -> new PerformanceMetric(null, null, 0, form.text("name"), form.decimal("value"),
                    form.text("unit"), null, PerformanceMetric.SCHEMA_VERSION);
        };
        Map<String, String> all = new LinkedHashMap<>(form.problems);
        draft.problems().forEach(all::putIfAbsent);
        return new Parsed(draft, all);
    }

    /** A draft and what is wrong with it (empty when it may be stored). */
    record Parsed(ContextRecord draft, Map<String, String> problems) {
    }

    private String raw(String field) {
        String value = values.get(field);
        return value == null || value.isEmpty() ? null : value;
    }

    private String text(String field) {
        String value = values.get(field);
        return value == null || value.isBlank() ? null : value.trim();
    }

    private List<String> lines(String field) {
        String value = text(field);
        if (value == null) {
            return List.of();
        }
        return value.lines().map(String::trim).filter(l -> !l.isEmpty()).toList();
    }

    /** "name: value" per line; a line without a colon is reported. */
    private Map<String, Object> pairs(String field) {
        Map<String, Object> map = new LinkedHashMap<>();
        List<String> bad = new ArrayList<>();
        for (String line : lines(field)) {
            int colon = line.indexOf(':');
            if (colon < 1) {
                bad.add(line);
            } else {
                map.put(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
            }
        }
        if (!bad.isEmpty()) {
            problems.put(field, "write one 'name: value' per line; '" + bad.get(0) + "' has no name");
        }
        return map;
    }

    private Long whole(String field) {
        String value = text(field);
        try {
            return value == null ? null : Long.parseLong(value);
        } catch (NumberFormatException e) {
            problems.put(field, "must be a whole number, not '" + value + "'");
            return null;
        }
    }

    private Double decimal(String field) {
        String value = text(field);
        try {
            return value == null ? null : Double.parseDouble(value);
        } catch (NumberFormatException e) {
            problems.put(field, "must be a number, not '" + value + "'");
            return null;
        }
    }

    private Boolean yesNo(String field) {
        String value = text(field);
        return value == null ? null : Boolean.valueOf("true".equalsIgnoreCase(value) || "yes".equalsIgnoreCase(value));
    }

    private ValidationStatus status(String field) {
        String value = text(field);
        try {
            return value == null ? null : ValidationStatus.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.put(field, "'" + value + "' is not a status; use PASSED, WARNING, FAILED or ERROR");
            return null;
        }
    }
}

package io.taskvault.context;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.data.annotation.Id;

/**
 * What a validator (tests, linter, reviewer, security scan) said about the task's work. {@code suggestions} is a
 * list of texts or, as the validator gave it, a map (for example {@code {"improvements": [...]}}).
 */
public record ValidationResult(@Id String id, String taskId, long seq, String type, String validator,
                               ValidationStatus status, Double score, Map<String, Object> details,
                               Object suggestions, Instant at, int schemaVersion) implements ContextRecord {

    public static final int SCHEMA_VERSION = 1;

    public static ValidationResult of(String type, String validator, ValidationStatus status, Double score,
                                      Map<String, Object> details, Object suggestions) {
        return new ValidationResult(null, null, 0, type, validator, status, score, details, suggestions, null,
                SCHEMA_VERSION);
    }

    @Override
    public Map<String, String> problems() {
        Map<String, String> problems = new LinkedHashMap<>();
        ContextChecks.text(problems, "type", type, true);
        ContextChecks.text(problems, "validator", validator, true);
        if (status == null) {
            problems.put("status", "is required: one of " + List.of(ValidationStatus.values()));
        }
        if (score != null && (score.isNaN() || score < 0 || score > 100)) {
            problems.put("score", "must be between 0 and 100, not " + score);
        }
        ContextChecks.map(problems, "details", details);
        if (suggestions instanceof Map<?, ?>) {
            ContextChecks.map(problems, "suggestions", suggestions);
        } else if (suggestions instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
            ContextChecks.list(problems, "suggestions", list.stream().map(String.class::cast).toList());
        } else if (suggestions != null) {
            problems.put("suggestions", "must be a list of texts or a JSON object");
        }
        return problems;
    }

    /** The suggestions one per line: a map's entries as {@code key: value}, a list under a key once per value. */
    public List<String> suggestionLines() {
        if (suggestions instanceof Map<?, ?> map) {
            return map.entrySet().stream().flatMap(e -> e.getValue() instanceof List<?> values
                    ? values.stream().map(v -> e.getKey() + ": " + v)
                    : java.util.stream.Stream.of(e.getKey() + ": " + e.getValue())).toList();
        }
        return suggestions instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
    }

    @Override
    public ValidationResult identified(String task, long number, Instant now) {
        return new ValidationResult(ContextRecord.idOf(task, number), task, number, type, validator, status, score,
                details == null ? Map.of() : details, suggestions == null ? List.of() : suggestions,
                at == null ? now : at, SCHEMA_VERSION);
    }
}

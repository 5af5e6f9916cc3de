package io.taskvault.context;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.data.annotation.Id;

/** What a validator (tests, linter, reviewer, security scan) said about the task's work. */
public record ValidationResult(@Id String id, String taskId, long seq, String type, String validator,
                               ValidationStatus status, Double score, Map<String, Object> details,
                               List<String> suggestions, Instant at, int schemaVersion) implements ContextRecord {

    public static final int SCHEMA_VERSION = 1;

    public static ValidationResult of(String type, String validator, ValidationStatus status, Double score,
                                      Map<String, Object> details, List<String> suggestions) {
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
        ContextChecks.list(problems, "suggestions", suggestions);
        return problems;
    }

    @Override
    public ValidationResult identified(String task, long number, Instant now) {
        return new ValidationResult(ContextRecord.idOf(task, number), task, number, type, validator, status, score,
                details == null ? Map.of() : details, suggestions == null ? List.of() : suggestions,
                at == null ? now : at, SCHEMA_VERSION);
    }
}

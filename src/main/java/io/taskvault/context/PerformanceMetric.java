package io.taskvault.context;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.data.annotation.Id;

/** One measurement taken while working on the task (build time, test count, tokens per minute …). */
public record PerformanceMetric(@Id String id, String taskId, long seq, String name, Double value, String unit,
                                Instant at, int schemaVersion) implements ContextRecord {

    public static final int SCHEMA_VERSION = 1;

    public static PerformanceMetric of(String name, double value, String unit) {
        return new PerformanceMetric(null, null, 0, name, value, unit, null, SCHEMA_VERSION);
    }

    @Override
    public Map<String, String> problems() {
        Map<String, String> problems = new LinkedHashMap<>();
        ContextChecks.text(problems, "name", name, true);
        ContextChecks.text(problems, "unit", unit, false);
        if (value == null || value.isNaN() || value.isInfinite()) {
            problems.put("value", "is required and must be a finite number");
        }
        return problems;
    }

    @Override
    public PerformanceMetric identified(String task, long number, Instant now) {
        return new PerformanceMetric(ContextRecord.idOf(task, number), task, number, name, value, unit,
                at == null ? now : at, SCHEMA_VERSION);
    }
}

package io.taskvault.context;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.data.annotation.Id;

/** What was asked, typed ("functional", "constraint", "non-functional" …) with free-form content. */
public record RequirementContext(@Id String id, String taskId, long seq, String type, Map<String, Object> content,
                                 String source, Instant at, int schemaVersion) implements ContextRecord {

    public static final int SCHEMA_VERSION = 1;

    public static RequirementContext of(String type, Map<String, Object> content, String source) {
        return new RequirementContext(null, null, 0, type, content, source, null, SCHEMA_VERSION);
    }

    @Override
    public Map<String, String> problems() {
        Map<String, String> problems = new LinkedHashMap<>();
        ContextChecks.text(problems, "type", type, true);
        ContextChecks.text(problems, "source", source, false);
        if (content == null || content.isEmpty()) {
            problems.put("content", "is required: an object of named values");
        } else {
            ContextChecks.map(problems, "content", content);
        }
        return problems;
    }

    @Override
    public RequirementContext identified(String task, long number, Instant now) {
        return new RequirementContext(ContextRecord.idOf(task, number), task, number, type, content, source,
                at == null ? now : at, SCHEMA_VERSION);
    }
}

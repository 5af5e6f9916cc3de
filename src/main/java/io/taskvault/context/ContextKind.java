package io.taskvault.context;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import io.taskvault.task.InvalidTaskException;

/** The kinds of context, each with its URL/shell name and its own collection. */
public enum ContextKind {
    REQUIREMENTS("requirements", "requirement_context", RequirementContext.class),
    CODEBASE("codebase", "codebase_context", CodebaseContext.class),
    AI_INTERACTIONS("ai-interactions", "ai_interactions", AiInteraction.class),
    VALIDATIONS("validations", "validation_results", ValidationResult.class),
    METRICS("metrics", "performance_metrics", PerformanceMetric.class);

    private final String label;
    private final String collection;
    private final Class<? extends ContextRecord> type;

    ContextKind(String label, String collection, Class<? extends ContextRecord> type) {
        this.label = label;
        this.collection = collection;
        this.type = type;
    }

    public String label() {
        return label;
    }

    public String collection() {
        return collection;
    }

    public Class<? extends ContextRecord> type() {
        return type;
    }

    public static ContextKind of(Class<? extends ContextRecord> type) {
        return Arrays.stream(values()).filter(k -> k.type == type).findFirst().orElseThrow();
    }

    public static ContextKind parse(String text) {
        String wanted = text == null ? "" : text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        return Arrays.stream(values()).filter(k -> k.label.equals(wanted)).findFirst()
                .orElseThrow(() -> new InvalidTaskException("kind", "'" + text + "' is not a context kind; use one of "
                        + Arrays.stream(values()).map(ContextKind::label).collect(Collectors.joining(", "))));
    }
}

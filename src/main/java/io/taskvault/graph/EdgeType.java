package io.taskvault.graph;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import io.taskvault.task.InvalidTaskException;

/** How two tasks are linked: {@code from blocks to}, {@code from relates-to to}, {@code from subtask-of to}. */
public enum EdgeType {
    BLOCKS("blocks"), RELATES_TO("relates-to"), SUBTASK_OF("subtask-of");

    private final String label;

    EdgeType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether edges of this type must form a DAG (relates-to is symmetric and may loop). */
    public boolean acyclic() {
        return this != RELATES_TO;
    }

    /** Accepts the label ("relates-to") or the constant name ("RELATES_TO"), in any case. */
    public static EdgeType parse(String text) {
        if (text != null) {
            String wanted = text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
            for (EdgeType type : values()) {
                if (type.label.equals(wanted)) {
                    return type;
                }
            }
        }
        String labels = Arrays.stream(values()).map(EdgeType::label).collect(Collectors.joining(", "));
        throw new InvalidTaskException("type", text == null || text.isBlank() ? "an edge needs a type: one of " + labels
                : "'" + text + "' is not an edge type; use one of " + labels);
    }
}

package io.taskvault.context;

import java.util.List;

/** How ready a task's context is for an agent: 0-100, with what cost it points. */
public record ContextHealth(String taskKey, int score, List<Reason> reasons) {

    /** One shortcoming: a stable code, a sentence for people, and the points it cost. */
    public record Reason(String code, String message, int penalty) {
    }

    public String summary() {
        return score + "/100" + (reasons.isEmpty() ? " (nothing missing)" : "");
    }
}

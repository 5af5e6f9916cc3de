package io.taskvault.task.history;

import java.util.List;

/** The result of checking one task's hash chain: every broken link or mismatch, spelled out. */
public record ChainReport(String taskKey, int events, List<String> problems) {

    public boolean intact() {
        return problems.isEmpty();
    }

    public String summary() {
        return intact() ? "intact (" + events + (events == 1 ? " event)" : " events)") : "BROKEN: " + String.join("; ", problems);
    }
}

package io.taskvault.context;

import java.time.Instant;
import java.util.Map;

/** One piece of context kept for a task, keyed {@code <taskId>:<seq>} in its kind's own collection. */
public sealed interface ContextRecord
        permits RequirementContext, CodebaseContext, AiInteraction, ValidationResult, PerformanceMetric {

    String id();

    String taskId();

    long seq();

    Instant at();

    /** Field → problem for anything missing or wrong; empty when the record may be stored. */
    Map<String, String> problems();

    /** This record as stored: with its task, sequence number and time (the caller's time wins if it gave one). */
    ContextRecord identified(String taskId, long seq, Instant now);

    static String idOf(String taskId, long seq) {
        return taskId + ":" + seq;
    }
}

package io.taskvault.task.api;

import java.util.Map;

import io.taskvault.task.TaskState;

/** {@code {"to": "RUNNING", "actor": "…", "reason": "…", "details": {…}}} */
public record TransitionRequest(TaskState to, String actor, String reason, Map<String, Object> details) {
}

package io.taskvault.task.api;

/** {@code {"reason": "…", "actor": "…"}}, both optional: send a FAILED or INTERRUPTED task back to PENDING. */
public record RetryRequest(String reason, String actor) {
}

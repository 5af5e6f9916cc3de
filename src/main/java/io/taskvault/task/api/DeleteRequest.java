package io.taskvault.task.api;

/** {@code {"reason": "…", "actor": "…"}}: why a task is deleted (the {@code reason} parameter may say it instead). */
public record DeleteRequest(String reason, String actor) {
}

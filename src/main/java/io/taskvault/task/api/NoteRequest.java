package io.taskvault.task.api;

/** {@code {"text": "…", "actor": "…"}}: a note for the task's history. */
public record NoteRequest(String text, String actor) {
}

package io.taskvault.task.api;

import io.taskvault.task.output.OutputType;

/** {@code {"type": "STDOUT", "content": "…"}} plus optional file and commit details. */
public record OutputRequest(OutputType type, String content, String filePath, String mimeType, String commitHash,
                            String branch, String actor) {
}

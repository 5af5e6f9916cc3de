package io.taskvault.task.api;

import io.taskvault.task.InvalidTaskException;
import io.taskvault.task.TaskDraft;

/**
 * The Idempotency-Key header becomes the task's external id, which the store keeps unique: a retried POST
 * therefore finds the task its first attempt created instead of making a second one.
 */
final class IdempotentDrafts {

    static final int MAX_KEY = 200;

    private IdempotentDrafts() {
    }

    static TaskDraft keyed(TaskDraft d, String key) {
        if (d == null || key == null) {
            return d;
        }
        String k = key.trim();
        if (k.isEmpty() || k.length() > MAX_KEY) {
            throw new InvalidTaskException(TaskApiController.IDEMPOTENCY_KEY, "must be 1 to " + MAX_KEY + " characters");
        }
        if (d.externalId() != null && !d.externalId().isBlank()) {
            if (!d.externalId().trim().equals(k)) {
                throw new InvalidTaskException(TaskApiController.IDEMPOTENCY_KEY,
                        "differs from the body's externalId '" + d.externalId() + "'; send one or make them equal");
            }
            return d;
        }
        return d.toBuilder().externalId(k).build();
    }
}

package io.taskvault.task.api;

import java.util.List;
import java.util.Map;

/**
 * What a batch creation did, item by item, in the order sent: each item is created on its own, so one bad item
 * does not stop the others (retry safely with external ids or one Idempotency-Key per item's externalId).
 */
public record BatchResult(int created, int failed, List<Item> items) {

    /** One item: its index in the request, its HTTP-like status, and the task or the problems. */
    public record Item(int index, int status, TaskResponse task, Map<String, String> errors) {
    }
}

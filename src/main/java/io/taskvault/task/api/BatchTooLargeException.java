package io.taskvault.task.api;

import java.util.Map;

import io.taskvault.system.TaskvaultException;

/** A batch with more tasks than one request may create (answered 413, naming the limit). */
public class BatchTooLargeException extends TaskvaultException {

    private final int max;

    BatchTooLargeException(int size, int max) {
        super(Kind.TOO_LARGE, "Request too large", "A batch creates at most " + max + " tasks; this one has " + size + ". Split it into several requests.");
        this.max = max;
    }

    public int max() {
        return max;
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("limit", max);
    }
}

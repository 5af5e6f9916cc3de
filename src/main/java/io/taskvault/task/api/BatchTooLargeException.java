package io.taskvault.task.api;

/** A batch with more tasks than one request may create (answered 413, naming the limit). */
public class BatchTooLargeException extends RuntimeException {

    private final int max;

    BatchTooLargeException(int size, int max) {
        super("A batch creates at most " + max + " tasks; this one has " + size + ". Split it into several requests.");
        this.max = max;
    }

    public int max() {
        return max;
    }
}

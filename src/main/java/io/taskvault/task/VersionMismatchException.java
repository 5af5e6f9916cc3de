package io.taskvault.task;

/** A conditional change (If-Match) named a version the task is no longer at. */
public class VersionMismatchException extends ConcurrentTaskModificationException {

    public VersionMismatchException(String key, long expected, long actual) {
        super(Kind.PRECONDITION_FAILED, "Version mismatch", key, "it is at version " + actual + ", not the expected " + expected);
    }
}

package io.taskvault.task;

/** Another writer changed the task first, and the change could not be safely retried. */
public class ConcurrentTaskModificationException extends RuntimeException {

    public ConcurrentTaskModificationException(String key, String detail) {
        super("Task " + key + " was changed by someone else: " + detail + ". Reload it and try again.");
    }
}

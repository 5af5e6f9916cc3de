package io.taskvault.task;

import io.taskvault.system.TaskvaultException;

/** Another writer changed the task first, and the change could not be safely retried. */
public class ConcurrentTaskModificationException extends TaskvaultException {

    public ConcurrentTaskModificationException(String key, String detail) {
        this(Kind.CONFLICT, "Concurrent modification", key, detail);
    }

    protected ConcurrentTaskModificationException(Kind kind, String title, String key, String detail) {
        super(kind, title, "Task " + key + " was changed by someone else: " + detail + ". Reload it and try again.");
    }
}

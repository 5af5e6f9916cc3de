package io.taskvault.task;

/** No task has the id, key or prefix asked for. */
public class TaskNotFoundException extends RuntimeException {

    public TaskNotFoundException(String reference) {
        super("No task " + reference + " exists");
    }
}

package io.taskvault.task;

import io.taskvault.system.TaskvaultException;

/** No task has the id, key or prefix asked for. */
public class TaskNotFoundException extends TaskvaultException {

    public TaskNotFoundException(String reference) {
        super(Kind.NOT_FOUND, "Task not found", "No task " + reference + " exists");
    }

    @Override
    public String nextStep() {
        return "'list' shows the tasks there are";
    }
}

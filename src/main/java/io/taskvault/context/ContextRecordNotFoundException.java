package io.taskvault.context;

import io.taskvault.system.TaskvaultException;

/** No context record of that kind and number for the task. */
public class ContextRecordNotFoundException extends TaskvaultException {

    public ContextRecordNotFoundException(String taskKey, ContextKind kind, long seq) {
        super(Kind.NOT_FOUND, "Context record not found", "Task " + taskKey + " has no " + kind.label() + " record #" + seq);
    }

    @Override
    public String nextStep() {
        return "'context list' shows the records there are";
    }
}

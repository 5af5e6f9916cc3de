package io.taskvault.context;

/** No context record of that kind and number for the task. */
public class ContextRecordNotFoundException extends RuntimeException {

    public ContextRecordNotFoundException(String taskKey, ContextKind kind, long seq) {
        super("Task " + taskKey + " has no " + kind.label() + " record #" + seq);
    }
}

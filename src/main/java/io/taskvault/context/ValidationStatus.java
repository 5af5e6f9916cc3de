package io.taskvault.context;

/** A validator's verdict. */
public enum ValidationStatus {
    PASSED, WARNING, FAILED, ERROR;

    /** Whether the verdict asks for more work on the task. */
    public boolean failing() {
        return this == FAILED || this == ERROR;
    }
}

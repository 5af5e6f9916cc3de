package io.taskvault.task.history;

/** One field's value before and after a change, as stored. */
public record FieldChange(Object before, Object after) {
}

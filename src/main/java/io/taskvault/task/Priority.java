package io.taskvault.task;

/** How urgent a task is; ordered from least to most urgent. */
public enum Priority {
    LOW, MEDIUM, HIGH, CRITICAL
}

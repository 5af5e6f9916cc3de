package io.taskvault.task;

/**
 * How often a task was tried and how it last went wrong: the attempt number, the failures counted and the last error.
 * Stored flat in the task's document ({@code lastError}, {@code errorCount}, {@code attempt}).
 */
final class Attempts {

    private String lastError;
    private int errorCount;
    private int attempt;

    /** A failure ends the attempt: it is counted, and its reason kept. */
    void failed(String reason) {
        errorCount++;
        lastError = reason == null || reason.isBlank() ? "failed without a reason" : reason;
    }

    /** An interruption is not the task's fault: its reason is kept, nothing is counted. */
    void interrupted(String reason) {
        lastError = reason == null || reason.isBlank() ? "interrupted" : reason;
    }

    /** A failed or interrupted task sent back to be run again starts its next attempt. */
    void retried() {
        attempt++;
    }

    String lastError() {
        return lastError;
    }

    void lastError(String value) {
        this.lastError = value;
    }

    int errorCount() {
        return errorCount;
    }

    void errorCount(int value) {
        this.errorCount = value;
    }

    int attempt() {
        return attempt;
    }

    void attempt(int value) {
        this.attempt = value;
    }
}

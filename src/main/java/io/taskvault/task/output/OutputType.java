package io.taskvault.task.output;

/** What an output is: what the agent printed, logged, produced or committed. */
public enum OutputType {
    STDOUT, STDERR, LOG, ARTIFACT, COMMIT, TEST_REPORT, DIFF, OTHER;

    /** Outputs shown as text rather than offered as a download. */
    public boolean isText() {
        return this != ARTIFACT;
    }
}

package io.taskvault.task;

/**
 * Where a task's history chain ends (the last event's number and hash) and the number its last output got. Stored flat
 * in the task's document ({@code historySeq}, {@code historyHash}, {@code outputSeq}).
 */
final class Sequences {

    private long historySeq;
    private String historyHash;
    private long outputSeq;

    /** The chain now ends at event {@code seq}, sealed with {@code hash}. */
    void sealed(long seq, String hash) {
        historySeq = seq;
        historyHash = hash;
    }

    /** Numbers the next output. */
    long nextOutput() {
        return ++outputSeq;
    }

    long historySeq() {
        return historySeq;
    }

    void historySeq(long value) {
        this.historySeq = value;
    }

    String historyHash() {
        return historyHash;
    }

    void historyHash(String value) {
        this.historyHash = value;
    }

    long outputSeq() {
        return outputSeq;
    }

    void outputSeq(long value) {
        this.outputSeq = value;
    }
}

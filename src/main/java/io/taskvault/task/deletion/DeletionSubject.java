package io.taskvault.task.deletion;

/** The task a delete is about, as found in the hot collections or the archive, with its chain's end. */
public record DeletionSubject(String id, String key, String title, String headHash, long events, boolean archived) {
}

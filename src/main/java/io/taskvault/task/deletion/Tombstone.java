package io.taskvault.task.deletion;

import java.time.Instant;

/**
 * What is kept of a deleted task: who deleted what, when and why, and the end of its history chain ({@code headHash}
 * after {@code events} events), so an integrity check can still account for it. {@code id} is the task's id.
 */
public record Tombstone(String id, String key, String title, String deletedBy, Instant deletedAt, String reason,
                        String headHash, long events, boolean archived, State state, Instant finishedAt,
                        int schemaVersion) {

    public static final String COLLECTION = "tombstones";
    public static final int SCHEMA_VERSION = 1;

    /** DELETING from the moment the tombstone is written until every document of the task is gone. */
    public enum State {
        DELETING, DELETED
    }

    /** A fresh tombstone for a task about to be deleted. */
    public static Tombstone deleting(DeletionSubject subject, String deletedBy, Instant at, String reason) {
        return new Tombstone(subject.id(), subject.key(), subject.title(), deletedBy, at, reason, subject.headHash(),
                subject.events(), subject.archived(), State.DELETING, null, SCHEMA_VERSION);
    }

    /** The same tombstone with the chain's end as it was when the task's document went. */
    public Tombstone withHead(String hash, long count) {
        return new Tombstone(id, key, title, deletedBy, deletedAt, reason, hash, count, archived, state, finishedAt,
                schemaVersion);
    }

    public boolean finished() {
        return state == State.DELETED;
    }
}

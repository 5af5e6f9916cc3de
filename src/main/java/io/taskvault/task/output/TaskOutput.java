package io.taskvault.task.output;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One output of a task, keyed {@code <taskId>:<seq>}. Content up to the inline cap is kept in the document
 * ({@code content} for UTF-8 text, {@code data} otherwise); larger content lives in GridFS ({@code gridFsId}).
 */
@Document(TaskOutput.COLLECTION)
public record TaskOutput(
        @Id String id,
        String taskId,
        long seq,
        OutputType type,
        String content,
        byte[] data,
        String gridFsId,
        Instant timestamp,
        String filePath,
        long size,
        String mimeType,
        String commitHash,
        String branch,
        String sha256,
        String eventId,
        int schemaVersion) {

    public static final String COLLECTION = "task_outputs";
    public static final int SCHEMA_VERSION = 1;

    public static String idOf(String taskId, long seq) {
        return taskId + ":" + seq;
    }

    public boolean inline() {
        return gridFsId == null;
    }

    /** A copy without the inline content, for listings. */
    public TaskOutput summary() {
        return new TaskOutput(id, taskId, seq, type, null, null, gridFsId, timestamp, filePath, size, mimeType,
                commitHash, branch, sha256, eventId, schemaVersion);
    }

    /** The same output, recorded by the history event {@code historyEventId}. */
    public TaskOutput withEventId(String historyEventId) {
        return new TaskOutput(id, taskId, seq, type, content, data, gridFsId, timestamp, filePath, size, mimeType,
                commitHash, branch, sha256, historyEventId, schemaVersion);
    }
}

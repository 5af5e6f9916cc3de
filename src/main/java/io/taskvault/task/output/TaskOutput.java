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

    /** An output of task {@code taskId} numbered {@code seq}, its other parts named one by one. */
    public static Builder builder(String taskId, long seq, OutputType type) {
        return new Builder(taskId, seq, type);
    }

    /** A copy without the inline content, for listings. */
    public TaskOutput summary() {
        return toBuilder().inline(null, null).build();
    }

    /** The same output, recorded by the history event {@code historyEventId}. */
    public TaskOutput withEventId(String historyEventId) {
        return toBuilder().eventId(historyEventId).build();
    }

    private Builder toBuilder() {
        Builder builder = builder(taskId, seq, type).inline(content, data).gridFsId(gridFsId).at(timestamp)
                .file(filePath, size, mimeType).git(commitHash, branch).sha256(sha256).eventId(eventId);
        builder.id = id;
        builder.schemaVersion = schemaVersion;
        return builder;
    }

    /** Names each part of an output, so none is given by its position among sixteen. */
    public static final class Builder {

        private String id;
        private final String taskId;
        private final long seq;
        private final OutputType type;
        private String content;
        private byte[] data;
        private String gridFsId;
        private Instant timestamp;
        private String filePath;
        private long size;
        private String mimeType;
        private String commitHash;
        private String branch;
        private String sha256;
        private String eventId;
        private int schemaVersion = SCHEMA_VERSION;

        private Builder(String taskId, long seq, OutputType type) {
            this.id = idOf(taskId, seq);
            this.taskId = taskId;
            this.seq = seq;
            this.type = type;
        }

        /** Content kept in the document: UTF-8 text, or bytes when it is not text. */
        public Builder inline(String text, byte[] bytes) {
            this.content = text;
            this.data = bytes;
            return this;
        }

        /** Content kept in GridFS under this file id. */
        public Builder gridFsId(String fileId) {
            this.gridFsId = fileId;
            return this;
        }

        public Builder at(Instant when) {
            this.timestamp = when;
            return this;
        }

        /** The file the content came from, its size in bytes and its media type. */
        public Builder file(String path, long bytes, String mime) {
            this.filePath = path;
            this.size = bytes;
            this.mimeType = mime;
            return this;
        }

        /** The commit and branch the output belongs to. */
        public Builder git(String commit, String onBranch) {
            this.commitHash = commit;
            this.branch = onBranch;
            return this;
        }

        public Builder sha256(String hex) {
            this.sha256 = hex;
            return this;
        }

        public Builder eventId(String historyEventId) {
            this.eventId = historyEventId;
            return this;
        }

        public TaskOutput build() {
            return new TaskOutput(id, taskId, seq, type, content, data, gridFsId, timestamp, filePath, size, mimeType,
                    commitHash, branch, sha256, eventId, schemaVersion);
        }
    }
}

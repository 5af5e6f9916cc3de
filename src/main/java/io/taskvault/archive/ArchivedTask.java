package io.taskvault.archive;

import java.time.Instant;
import java.util.List;

import io.taskvault.task.TaskState;

/** The searchable face of an archived task (its bundle holds the rest; {@code headHash} checks the bundle's chain). */
public record ArchivedTask(String id, String key, String title, String role, String provider, TaskState stateBefore,
                           List<String> tags, Instant createdAt, Instant completedAt, Instant archivedAt, long events,
                           long rawBytes, long bundleBytes, String headHash) {

    static Builder builder() {
        return new Builder();
    }

    //why: the REST answer and the archive document are flat in these names; the builder names them where it is built
    static final class Builder {
        private String id;
        private String key;
        private String title;
        private String role;
        private String provider;
        private TaskState stateBefore;
        private List<String> tags;
        private Instant createdAt;
        private Instant completedAt;
        private Instant archivedAt;
        private long events;
        private long rawBytes;
        private long bundleBytes;
        private String headHash;

        Builder id(String value) {
            id = value;
            return this;
        }

        Builder key(String value) {
            key = value;
            return this;
        }

        Builder title(String value) {
            title = value;
            return this;
        }

        Builder role(String value) {
            role = value;
            return this;
        }

        Builder provider(String value) {
            provider = value;
            return this;
        }

        Builder stateBefore(TaskState value) {
            stateBefore = value;
            return this;
        }

        Builder tags(List<String> value) {
            tags = value;
            return this;
        }

        Builder createdAt(Instant value) {
            createdAt = value;
            return this;
        }

        Builder completedAt(Instant value) {
            completedAt = value;
            return this;
        }

        Builder archivedAt(Instant value) {
            archivedAt = value;
            return this;
        }

        Builder events(long value) {
            events = value;
            return this;
        }

        Builder rawBytes(long value) {
            rawBytes = value;
            return this;
        }

        Builder bundleBytes(long value) {
            bundleBytes = value;
            return this;
        }

        Builder headHash(String value) {
            headHash = value;
            return this;
        }

        ArchivedTask build() {
            return new ArchivedTask(id, key, title, role, provider, stateBefore, tags, createdAt, completedAt,
                    archivedAt, events, rawBytes, bundleBytes, headHash);
        }
    }
}

package io.taskvault.archive;

import java.time.Instant;
import java.util.List;

import io.taskvault.task.TaskState;

/** The searchable face of an archived task (its bundle holds the rest; {@code headHash} checks the bundle's chain). */
public record ArchivedTask(String id, String key, String title, String role, String provider, TaskState stateBefore,
                           List<String> tags, Instant createdAt, Instant completedAt, Instant archivedAt, long events,
                           long rawBytes, long bundleBytes, String headHash) {
}

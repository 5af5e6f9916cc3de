package io.taskvault.exchange;

import java.time.Instant;
import java.util.List;

import io.taskvault.task.Task;

/** One task as a filtered export writes it: the fields a spreadsheet user needs, dependencies by key. */
public record ExportedTask(String key, String title, String state, String priority, String role, String provider,
                           String model, String assignee, List<String> tags, String storyId, String epicId,
                           String persona, String createdBy, Instant createdAt, Instant updatedAt, Instant startedAt,
                           Instant completedAt, List<String> dependencies, Integer attempt, String lastError,
                           String externalId, String id) {

    /** The CSV header, in the order {@link #values()} gives the cells. */
    static final String[] HEADER = {"key", "title", "state", "priority", "role", "provider", "model", "assignee", "tags",
            "storyId", "epicId", "persona", "createdBy", "createdAt", "updatedAt", "startedAt", "completedAt",
            "dependencies", "attempt", "lastError", "externalId", "id"};
    /** How list cells (tags, dependencies) are joined in CSV. */
    static final String LIST_SEPARATOR = "; ";

    static ExportedTask of(Task task, List<String> dependencyKeys) {
        return new ExportedTask(task.getKey(), task.getTitle(), name(task.getState()), name(task.getPriority()),
                task.getRole(), task.getProvider(), task.getModel(), task.getAssignee(), task.getTags() == null ? List.of() : List.copyOf(task.getTags()),
                task.getStoryId(), task.getEpicId(), task.getPersona(), task.getCreatedBy(), task.getCreatedAt(),
                task.getUpdatedAt(), task.getStartedAt(), task.getCompletedAt(), dependencyKeys,
                task.getAttempt(), task.getLastError(), task.getExternalId(), task.getId());
    }

    /** The CSV cells: lists joined, absent values empty. */
    Object[] values() {
        return new Object[] {key, title, state, priority, role, provider, model, assignee, String.join(LIST_SEPARATOR, tags),
                storyId, epicId, persona, createdBy, createdAt, updatedAt, startedAt, completedAt,
                String.join(LIST_SEPARATOR, dependencies), attempt, lastError, externalId, id};
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}

package io.taskvault.exchange;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import io.taskvault.task.Task;

/**
 * One task as a filtered export writes it: the fields a spreadsheet user needs, dependencies by key. The JSON line is
 * flat, in the order of {@link #HEADER}; the record groups its fields by what they are about, each written in place.
 */
public record ExportedTask(String key, @JsonUnwrapped Work work, @JsonUnwrapped Origin origin,
                           @JsonUnwrapped Times times, @JsonUnwrapped Progress progress, String externalId, String id) {

    /** The CSV header, in the order {@link #values()} gives the cells. */
    static final String[] HEADER = {"key", "title", "state", "priority", "role", "provider", "model", "assignee", "tags",
            "storyId", "epicId", "persona", "createdBy", "createdAt", "updatedAt", "startedAt", "completedAt",
            "dependencies", "attempt", "lastError", "externalId", "id"};
    /** How list cells (tags, dependencies) are joined in CSV. */
    static final String LIST_SEPARATOR = "; ";

    /** What the task is, where it stands and who works on it. */
    public record Work(String title, String state, String priority, String role, String provider, String model,
                       String assignee, List<String> tags) {

        static Work of(Task t) {
            return new Work(t.getTitle(), name(t.getState()), name(t.getPriority()), t.getRole(), t.getProvider(),
                    t.getModel(), t.getAssignee(), t.getTags() == null ? List.of() : List.copyOf(t.getTags()));
        }
    }

    /** Which story, epic and persona the task belongs to, and who made it. */
    public record Origin(String storyId, String epicId, String persona, String createdBy) {

        static Origin of(Task t) {
            return new Origin(t.getStoryId(), t.getEpicId(), t.getPersona(), t.getCreatedBy());
        }
    }

    /** When the task was made, last changed, started and finished. */
    public record Times(Instant createdAt, Instant updatedAt, Instant startedAt, Instant completedAt) {

        static Times of(Task t) {
            return new Times(t.getCreatedAt(), t.getUpdatedAt(), t.getStartedAt(), t.getCompletedAt());
        }
    }

    /** What the task waits for and how its last attempt went. */
    public record Progress(List<String> dependencies, Integer attempt, String lastError) {
    }

    static ExportedTask of(Task task, List<String> dependencyKeys) {
        return new ExportedTask(task.getKey(), Work.of(task), Origin.of(task), Times.of(task),
                new Progress(dependencyKeys, task.getAttempt(), task.getLastError()), task.getExternalId(),
                task.getId());
    }

    /** The CSV cells: lists joined, absent values empty. */
    Object[] values() {
        return new Object[] {key, work.title(), work.state(), work.priority(), work.role(), work.provider(),
                work.model(), work.assignee(), String.join(LIST_SEPARATOR, work.tags()), origin.storyId(),
                origin.epicId(), origin.persona(), origin.createdBy(), times.createdAt(), times.updatedAt(),
                times.startedAt(), times.completedAt(), String.join(LIST_SEPARATOR, progress.dependencies()),
                progress.attempt(), progress.lastError(), externalId, id};
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}

package io.taskvault.story;

import java.util.Locale;
import java.util.Set;

import io.taskvault.task.Task;
import io.taskvault.task.TaskQuery;

/** The two ways the pipeline groups tasks above one task: a story, and the epic stories belong to. */
public enum Grouping {
    STORY("storyId"), EPIC("epicId");

    private final String field;

    Grouping(String field) {
        this.field = field;
    }

    /** The task field that holds the group's id. */
    public String field() {
        return field;
    }

    /** "story" or "epic", for messages. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The group a task belongs to in this grouping (null if none). */
    public String of(Task task) {
        return this == STORY ? task.getStoryId() : task.getEpicId();
    }

    /** Every task of the group with this id, newest change first. */
    TaskQuery tasksOf(String id) {
        return TaskQuery.all().withGroups(this == STORY ? Set.of(id) : Set.of(), this == EPIC ? Set.of(id) : Set.of(),
                Set.of());
    }
}

package io.taskvault.story;

import io.taskvault.system.TaskvaultException;

/** No task belongs to the story or epic asked for. */
public class StoryNotFoundException extends TaskvaultException {

    public StoryNotFoundException(Grouping grouping, String id) {
        this(grouping, id, null);
    }

    /** The same, with what else was tried (e.g. the word as a task reference). */
    public StoryNotFoundException(Grouping grouping, String id, String alsoTried) {
        super(Kind.NOT_FOUND, "Story not found", "No " + grouping.label() + " '" + id + "' exists (no task has " + grouping.field() + " '" + id + "')"
                + (alsoTried == null ? "" : ", " + alsoTried));
    }
}

package io.taskvault.story;

/** No task belongs to the story or epic asked for. */
public class StoryNotFoundException extends RuntimeException {

    public StoryNotFoundException(Grouping grouping, String id) {
        this(grouping, id, null);
    }

    /** The same, with what else was tried (e.g. the word as a task reference). */
    public StoryNotFoundException(Grouping grouping, String id, String alsoTried) {
        super("No " + grouping.label() + " '" + id + "' exists (no task has " + grouping.field() + " '" + id + "')"
                + (alsoTried == null ? "" : ", " + alsoTried));
    }
}

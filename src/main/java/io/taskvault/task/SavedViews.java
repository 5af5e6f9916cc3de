package io.taskvault.task;

/**
 * Named list filters people keep (the preferences feature keeps them): the list doors open one by name, so the list
 * itself needs nothing of how or where they are stored.
 */
public interface SavedViews {

    /**
     * The query of the current person's view {@code name}, with each filter {@code given} sets in place of the view's
     * (and {@code given}'s sort when {@code sortGiven}), at {@code given}'s limit and offset; an
     * {@link InvalidTaskException} on {@code view} naming the closest view when there is no such view.
     */
    TaskQuery open(String name, TaskQuery given, boolean sortGiven);

    /** The names of the current person's views, for a list to offer. */
    java.util.List<String> names();
}

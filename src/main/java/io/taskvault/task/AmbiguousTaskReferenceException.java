package io.taskvault.task;

import java.util.List;

/** An id prefix that more than one task starts with. */
public class AmbiguousTaskReferenceException extends InvalidTaskException {

    public AmbiguousTaskReferenceException(String prefix, List<String> matches) {
        super("task", "'" + prefix + "' is ambiguous: it starts " + (matches.size() > 5 ? "more than 5" : matches.size())
                + " task ids (" + String.join(", ", matches.subList(0, Math.min(5, matches.size())))
                + "); type more of the id, or use the key");
    }
}

package io.taskvault.task;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

/**
 * Finds a task from what a person or program calls it: its id, its key (TV-42), a bare number, its external id
 * (an imported TASK-001-002), an id prefix.
 */
@Component
class TaskLookup {

    private static final Pattern KEY = Pattern.compile("[A-Za-z][A-Za-z0-9]*-\\d{1,18}");
    private static final Pattern NUMBER = Pattern.compile("\\d{1,18}");
    private static final Pattern PREFIX = Pattern.compile("[0-9a-fA-F-]{4,36}");

    private final TaskStore tasks;
    private final KeySequence keys;

    TaskLookup(TaskStore tasks, KeySequence keys) {
        this.tasks = tasks;
        this.keys = keys;
    }

    /** The task's id; throws if nothing, or more than one task, answers to the reference. */
    String resolve(String reference) {
        if (reference == null || reference.isBlank()) {
            throw new InvalidTaskException("task", "is required: give its key (TV-42), number (42) or id");
        }
        String ref = reference.trim();
        if (ref.length() > 64) {
            throw new InvalidTaskException("task", "'" + ref.substring(0, 20) + "…' is not a task reference");
        }
        Optional<Task> exact = tasks.byId(ref);
        if (exact.isPresent()) {
            return ref;
        }
        if (KEY.matcher(ref).matches()) {
            Optional<Task> byKey = tasks.byKey(ref.toUpperCase(Locale.ROOT));
            if (byKey.isPresent()) {
                return byKey.get().getId();
            }
        }
        if (NUMBER.matcher(ref).matches()) {
            Optional<Task> byNumber = tasks.byKey(keys.prefix() + "-" + Long.parseLong(ref));
            if (byNumber.isPresent()) {
                return byNumber.get().getId();
            }
        }
        Optional<Task> external = tasks.byExternalId(ref);
        if (external.isPresent()) {
            return external.get().getId();
        }
        if (PREFIX.matcher(ref).matches()) {
            List<String> matches = tasks.idsStartingWith(ref.toLowerCase(Locale.ROOT), 6);
            if (matches.size() == 1) {
                return matches.get(0);
            }
            if (matches.size() > 1) {
                throw new AmbiguousTaskReferenceException(ref, matches);
            }
        }
        throw new TaskNotFoundException(ref);
    }
}

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
        String ref = checked(reference);
        return named(ref).map(Task::getId).orElseGet(() -> byIdPrefix(ref));
    }

    /**
     * The task the reference names, as read while resolving it (not rolled forward: see {@code TaskWriter.current});
     * throws if nothing, or more than one task, answers to it.
     */
    Task find(String reference) {
        String ref = checked(reference);
        return named(ref).orElseGet(() -> tasks.byId(byIdPrefix(ref)).orElseThrow(() -> new TaskNotFoundException(ref)));
    }

    private static String checked(String reference) {
        if (reference == null || reference.isBlank()) {
            throw new InvalidTaskException("task", "is required: give its key (TV-42), number (42) or id");
        }
        String ref = reference.trim();
        if (ref.length() > 64) {
            throw new InvalidTaskException("task", "'" + ref.substring(0, 20) + "…' is not a task reference");
        }
        return ref;
    }

    /** The task whose id, key, number or external id is the reference. */
    private Optional<Task> named(String ref) {
        Optional<Task> exact = tasks.byId(ref);
        if (exact.isPresent()) {
            return exact;
        }
        if (KEY.matcher(ref).matches()) {
            Optional<Task> byKey = tasks.byKey(ref.toUpperCase(Locale.ROOT));
            if (byKey.isPresent()) {
                return byKey;
            }
        }
        if (NUMBER.matcher(ref).matches()) {
            Optional<Task> byNumber = tasks.byKey(keys.prefix() + "-" + Long.parseLong(ref));
            if (byNumber.isPresent()) {
                return byNumber;
            }
        }
        return tasks.byExternalId(ref);
    }

    /** The id of the one task whose id starts with the reference. */
    private String byIdPrefix(String ref) {
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

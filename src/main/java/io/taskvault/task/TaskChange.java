package io.taskvault.task;

import java.util.Map;

import io.taskvault.task.history.EventType;

/**
 * What one write does to a task: the task as it should be afterwards (the copy {@link TaskWriter#change} handed the
 * mutation, changed) and how its history names the change.
 *
 * @param afterEvent runs once the event is stored and before the task is updated (e.g. stores an output)
 */
record TaskChange(EventType type, Task next, String reason, String errorMessage, Map<String, Object> details,
                  java.util.function.Consumer<String> afterEvent) {

    TaskChange(EventType type, Task next, String reason, String errorMessage, Map<String, Object> details) {
        this(type, next, reason, errorMessage, details, eventId -> { });
    }
}

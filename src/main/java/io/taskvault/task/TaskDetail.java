package io.taskvault.task;

import java.util.List;

import io.taskvault.task.history.HistoryEvent;
import io.taskvault.task.output.TaskOutput;

/** A task with its whole history and its output list, read together: what a detail page or {@code show} needs. */
public record TaskDetail(Task task, List<HistoryEvent> history, List<TaskOutput> outputs) {
}

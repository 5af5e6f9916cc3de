package io.taskvault.task;

import java.util.List;

import io.taskvault.task.history.ChainReport;
import io.taskvault.task.history.HistoryEvent;
import io.taskvault.task.output.TaskOutput;

/**
 * A task with its whole history, its output list and the check of its history chain, read together: what
 * {@code show} needs.
 */
public record TaskDetail(Task task, List<HistoryEvent> history, List<TaskOutput> outputs, ChainReport chain) {
}

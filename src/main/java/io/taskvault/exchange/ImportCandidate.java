package io.taskvault.exchange;

import java.util.List;

import io.taskvault.task.ImportWriter.PastChange;
import io.taskvault.task.Task;

/** A task read from a source, not yet stored: its file, the source's id, the task and its past state changes. */
record ImportCandidate(String file, String sourceId, Task task, List<PastChange> past) {
}

package io.taskvault.exchange;

import java.util.List;

import io.taskvault.task.ImportWriter.PastChange;
import io.taskvault.task.Task;

/**
 * A task read from a source, not yet stored: its file, the source's id for it, the task, its past state changes,
 * and the source ids its dependsOn / relatedTo named (the task's own lists get the ids taskvault resolves them to).
 */
record ImportCandidate(String file, String sourceId, Task task, List<PastChange> past, List<String> dependsOn,
                       List<String> relatedTo) {

    ImportCandidate(String file, String sourceId, Task task, List<PastChange> past) {
        this(file, sourceId, task, past, List.copyOf(task.getDependsOn()), List.copyOf(task.getRelatedTo()));
    }
}

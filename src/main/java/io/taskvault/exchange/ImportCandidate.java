package io.taskvault.exchange;

import java.util.List;

import io.taskvault.task.ImportWriter.PastChange;
import io.taskvault.task.Task;

/**
 * A task read from a source, not yet stored: its file, the source's id for it, the task, its past state changes,
 * the source ids its dependsOn / relatedTo named (the task's own lists get the ids taskvault resolves them to), and
 * the source ids of the tasks it blocks (which depend on it).
 */
record ImportCandidate(String file, String sourceId, Task task, List<PastChange> past, List<String> dependsOn,
                       List<String> relatedTo, List<String> blocks) {

    ImportCandidate(String file, String sourceId, Task task, List<PastChange> past) {
        this(file, sourceId, task, past, List.copyOf(task.getDependsOn()), List.copyOf(task.getRelatedTo()), List.of());
    }

    ImportCandidate(String file, String sourceId, Task task, List<PastChange> past, DependencyShapes.Found found) {
        this(file, sourceId, task, past, found.dependsOn(), List.copyOf(task.getRelatedTo()), found.blocks());
    }

    ImportCandidate withDependsOn(List<String> references) {
        return new ImportCandidate(file, sourceId, task, past, references, relatedTo, blocks);
    }

    ImportCandidate withBlocks(List<String> references) {
        return new ImportCandidate(file, sourceId, task, past, dependsOn, relatedTo, references);
    }
}

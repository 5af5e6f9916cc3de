package io.taskvault.graph;

import java.util.List;

import io.taskvault.task.Task;

/**
 * The task to work on now (absent when nothing is ready) and why it was chosen.
 *
 * @param unblocks    keys of the tasks that wait on it, directly or transitively
 * @param readyCount  how many ready tasks matched the filters
 * @param runnerUp    the key of the next candidate, if any
 */
public record NextTask(Task task, List<String> unblocks, int readyCount, String runnerUp, String explanation) {

    public boolean found() {
        return task != null;
    }
}

package io.taskvault.graph.api;

import java.util.List;

import io.taskvault.graph.NextTask;
import io.taskvault.task.api.TaskResponse;

/**
 * The task to work on now (null when nothing is ready) and why it was chosen.
 *
 * @param unblocks   keys of the tasks that wait on it, directly or transitively
 * @param readyCount how many ready tasks matched the filters
 * @param runnerUp   the key of the next candidate, if any
 */
record NextTaskResponse(TaskResponse task, List<String> unblocks, int readyCount, String runnerUp, String explanation) {

    static NextTaskResponse of(NextTask next) {
        return new NextTaskResponse(next.task() == null ? null : TaskResponse.of(next.task()), next.unblocks(),
                next.readyCount(), next.runnerUp(), next.explanation());
    }
}

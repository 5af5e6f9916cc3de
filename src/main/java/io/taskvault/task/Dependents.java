package io.taskvault.task;

import java.util.List;

/** The tasks waiting on a task, as the dependency graph knows them; the task's pages ask it without knowing the graph. */
public interface Dependents {

    /** Ids of the tasks that wait for {@code taskId} to finish. */
    List<String> dependentIds(String taskId);
}

package io.taskvault.graph;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.taskvault.task.ConcurrentTaskModificationException;
import io.taskvault.task.IllegalTransitionException;
import io.taskvault.task.InvalidTaskException;
import io.taskvault.task.Task;
import io.taskvault.task.TaskChanged;
import io.taskvault.task.TaskNotFoundException;
import io.taskvault.task.TaskState;
import io.taskvault.task.history.EventType;

/**
 * Keeps the graph and task states in step with task changes: a completed dependency releases the tasks that
 * waited only on it; a task created with {@code dependsOn} gets its blocks edges.
 */
@Component
class DependencyUnblocker {

    private static final Logger log = LoggerFactory.getLogger(DependencyUnblocker.class);

    private final DependencyGraph graph;

    DependencyUnblocker(DependencyGraph graph) {
        this.graph = graph;
    }

    @EventListener
    void on(TaskChanged change) {
        Task task = change.task();
        if (change.type() == EventType.CREATED && !task.getDependsOn().isEmpty()) {
            linkDeclaredDependencies(task);
        } else if (change.to() == TaskState.COMPLETED && change.from() != TaskState.COMPLETED) {
            for (String dependent : graph.dependentIds(task.getId())) {
                try {
                    graph.release(dependent, "dependency " + task.getKey() + " completed; all dependencies are done");
                } catch (IllegalTransitionException | ConcurrentTaskModificationException | TaskNotFoundException e) {
                    //why: someone else moved the dependent meanwhile; their change wins and is not ours to undo
                    log.info("Did not release {} after {} completed: {}", dependent, task.getKey(), e.getMessage());
                }
            }
        }
    }

    private void linkDeclaredDependencies(Task task) {
        for (String dependency : task.getDependsOn()) {
            try {
                graph.addEdge(dependency, EdgeType.BLOCKS, task.getId(), task.getCreatedBy());
            } catch (InvalidTaskException | IllegalTransitionException e) {
                log.warn("Task {} declares dependency '{}' that cannot be linked: {}", task.getKey(), dependency,
                        e.getMessage());
            }
        }
    }
}

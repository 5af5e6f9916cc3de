package io.taskvault.graph;

import org.springframework.stereotype.Component;

import io.taskvault.task.deletion.TaskRemnants;
import io.taskvault.task.deletion.Tombstone;

/** A deleted task's edges, both directions: they go, and the tasks that waited on it are released if they can be. */
@Component
class EdgeRemnants implements TaskRemnants {

    private final DependencyGraph graph;

    EdgeRemnants(DependencyGraph graph) {
        this.graph = graph;
    }

    @Override
    public void remove(Tombstone deleted) {
        graph.detach(deleted.id(), deleted.key());
    }
}

package io.taskvault.context;

import org.springframework.stereotype.Component;

import io.taskvault.task.deletion.TaskRemnants;
import io.taskvault.task.deletion.Tombstone;

/** A deleted task's context records of every kind, the AI bodies they keep in GridFS, and their counters. */
@Component
class ContextRemnants implements TaskRemnants {

    private final ContextStore store;
    private final BodyStore bodies;

    ContextRemnants(ContextStore store, BodyStore bodies) {
        this.store = store;
        this.bodies = bodies;
    }

    @Override
    public void remove(Tombstone deleted) {
        for (ContextKind kind : ContextKind.values()) {
            store.removeAll(kind, deleted.id(), bodies::delete);
        }
    }
}

package io.taskvault.graph;

import java.util.List;

import io.taskvault.task.InvalidTaskException;

/** An edge that would point at its own task, at an unknown task, or close a cycle (spelled out in task keys). */
public class EdgeRejectedException extends InvalidTaskException {

    private final List<String> cycle;

    public EdgeRejectedException(String problem, List<String> cycle) {
        super("edge", problem);
        this.cycle = List.copyOf(cycle);
    }

    /** The keys around the cycle, first key repeated at the end; empty when the edge was refused for another reason. */
    public List<String> cycle() {
        return cycle;
    }
}

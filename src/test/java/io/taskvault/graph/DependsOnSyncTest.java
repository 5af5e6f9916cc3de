package io.taskvault.graph;

import static io.taskvault.support.TaskDrafts.aTask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.taskvault.support.EmbeddedStoreTest;
import io.taskvault.task.InvalidTaskException;
import io.taskvault.task.Task;
import io.taskvault.task.TaskService;
import io.taskvault.task.TaskState;
import io.taskvault.task.history.EventType;

/** dependsOn patched through TaskService.update and the typed blocks edges stay the same thing. */
@EmbeddedStoreTest
class DependsOnSyncTest {

    @Autowired
    TaskService tasks;
    @Autowired
    DependencyGraph graph;

    private Task task() {
        return tasks.create(aTask().build(), "test");
    }

    @Test
    void aTaskCreatedWithThreeDependenciesIsLinkedToEachAndComesBackBlocked() {
        Task design = task();
        Task store = task();
        Task plan = task();

        Task work = tasks.create(aTask().dependingOn(design.getKey(), store.getKey(), plan.getKey()).build(), "test");

        assertThat(work.getState()).isEqualTo(TaskState.BLOCKED);
        assertThat(graph.dependencyIds(work.getId()))
                .containsExactlyInAnyOrder(design.getId(), store.getId(), plan.getId());
        assertThat(tasks.get(work.getId()).getDependsOn())
                .containsExactlyInAnyOrder(design.getId(), store.getId(), plan.getId());
        assertThat(tasks.history(work.getId()).stream().filter(e -> e.type() == EventType.STATE_CHANGED && e.toState() == TaskState.BLOCKED)).hasSize(1);
    }

    @Test
    void addsABlocksEdgeForADependencyPatchedInByKeyAndBlocksTheTask() {
        Task dependency = task();
        Task work = task();

        tasks.update(work.getId(), Map.of("dependsOn", List.of(dependency.getKey())), "alice", null);

        assertThat(graph.dependencyIds(work.getId())).containsExactly(dependency.getId());
        assertThat(graph.edges(work.getId())).singleElement().satisfies(e -> assertThat(e.createdBy()).isEqualTo("alice"));
        Task now = tasks.get(work.getId());
        assertThat(now.getDependsOn()).containsExactly(dependency.getId());
        assertThat(now.getState()).isEqualTo(TaskState.BLOCKED);
    }

    @Test
    void removesTheEdgeOfADependencyPatchedOutAndReleasesTheTask() {
        Task dependency = task();
        Task work = task();
        graph.addEdge(dependency.getKey(), EdgeType.BLOCKS, work.getKey(), "test");
        assertThat(graph.dependencyIds(work.getId())).containsExactly(dependency.getId());

        tasks.update(work.getId(), Map.of("dependsOn", List.of()), "alice", null);

        assertThat(graph.dependencyIds(work.getId())).isEmpty();
        assertThat(graph.dependentIds(dependency.getId())).isEmpty();
        assertThat(tasks.get(work.getId()).getState()).isEqualTo(TaskState.PENDING);
    }

    @Test
    void refusesADependencyThatClosesACycleTakesItBackAndNotesWhy() {
        Task a = task();
        Task b = task();
        graph.addEdge(a.getKey(), EdgeType.BLOCKS, b.getKey(), "test");

        assertThatThrownBy(() -> tasks.update(a.getId(), Map.of("dependsOn", List.of(b.getKey())), "alice", null))
                .isInstanceOf(InvalidTaskException.class)
                .satisfies(e -> assertThat(((InvalidTaskException) e).errors().get("dependsOn"))
                        .contains(b.getKey() + " → " + a.getKey() + " → " + b.getKey()));

        assertThat(tasks.get(a.getId()).getDependsOn()).isEmpty();
        assertThat(graph.dependencyIds(a.getId())).isEmpty();
        assertThat(tasks.history(a.getId())).filteredOn(e -> e.type() == EventType.NOTE)
                .singleElement().satisfies(e -> assertThat(e.reason()).contains("would close this cycle"));
    }

    @Test
    void refusesAnUnknownDependencyOutrightAndASelfDependencyKeepingTheGoodOnes() {
        Task dependency = task();
        Task work = task();

        assertThatThrownBy(() -> tasks.update(work.getId(),
                Map.of("dependsOn", List.of(dependency.getKey(), "TV-99999")), "alice", null))
                .isInstanceOf(InvalidTaskException.class)
                .hasMessageContaining("dependsOn").hasMessageContaining("no task 'TV-99999' exists");
        assertThat(tasks.get(work.getId()).getDependsOn()).isEmpty();

        assertThatThrownBy(() -> tasks.update(work.getId(),
                Map.of("dependsOn", List.of(dependency.getKey(), work.getKey())), "alice", null))
                .isInstanceOf(InvalidTaskException.class)
                .hasMessageContaining(work.getKey() + " blocks " + work.getKey() + ": a task cannot be linked to itself");

        assertThat(tasks.get(work.getId()).getDependsOn()).containsExactly(dependency.getId());
        assertThat(graph.dependencyIds(work.getId())).containsExactly(dependency.getId());
    }
}

package io.taskvault.graph;

import static io.taskvault.support.TaskDrafts.aTask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.taskvault.support.EmbeddedStoreTest;
import io.taskvault.task.Task;
import io.taskvault.task.TaskService;
import io.taskvault.task.TaskState;
import io.taskvault.task.history.HistoryEvent;

/** Edge validation, the dependsOn mirror, automatic blocking and unblocking, and the closure queries. */
@EmbeddedStoreTest
class DependencyGraphTest {

    @Autowired
    TaskService tasks;
    @Autowired
    DependencyGraph graph;
    @Autowired
    GraphQueries queries;

    @Test
    void refusesAnEdgeFromATaskToItself() {
        Task a = task();
        assertThatThrownBy(() -> graph.addEdge(a.getKey(), EdgeType.BLOCKS, a.getId(), "test"))
                .isInstanceOf(EdgeRejectedException.class)
                .hasMessageContaining(a.getKey() + " blocks " + a.getKey() + ": a task cannot be linked to itself");
    }

    @Test
    void refusesAnEdgeThatClosesATwoTaskCycle() {
        Task a = task();
        Task b = task();
        graph.addEdge(a.getKey(), EdgeType.BLOCKS, b.getKey(), "test");
        assertThatThrownBy(() -> graph.addEdge(b.getKey(), EdgeType.BLOCKS, a.getKey(), "test"))
                .isInstanceOfSatisfying(EdgeRejectedException.class, e -> assertThat(e.cycle())
                        .containsExactly(b.getKey(), a.getKey(), b.getKey()))
                .hasMessageContaining(b.getKey() + " → " + a.getKey() + " → " + b.getKey());
    }

    @Test
    void refusesAnEdgeThatClosesATwentyTaskCycleAndSpellsItOut() {
        List<Task> chain = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            chain.add(task());
        }
        for (int i = 0; i < 19; i++) {
            graph.addEdge(chain.get(i).getKey(), EdgeType.BLOCKS, chain.get(i + 1).getKey(), "test");
        }
        Task last = chain.get(19);
        Task first = chain.get(0);
        List<String> expected = new ArrayList<>(List.of(last.getKey()));
        chain.forEach(t -> expected.add(t.getKey()));
        assertThatThrownBy(() -> graph.addEdge(last.getKey(), EdgeType.BLOCKS, first.getKey(), "test"))
                .isInstanceOfSatisfying(EdgeRejectedException.class, e -> assertThat(e.cycle()).isEqualTo(expected))
                .hasMessageContaining(String.join(" → ", expected));
        assertThat(graph.edges(first.getKey())).hasSize(1);
    }

    @Test
    void refusesEdgesToUnknownTasksNamingTheReference() {
        Task a = task();
        assertThatThrownBy(() -> graph.addEdge(a.getKey(), EdgeType.BLOCKS, "TV-999999", "test"))
                .isInstanceOf(EdgeRejectedException.class).hasMessageContaining("'to' task 'TV-999999' does not exist");
        assertThatThrownBy(() -> graph.addEdge("no-such-id", EdgeType.RELATES_TO, a.getKey(), "test"))
                .isInstanceOf(EdgeRejectedException.class).hasMessageContaining("'from' task 'no-such-id' does not exist");
    }

    @Test
    void keepsDependsOnAndRelatedToInStepWithTheEdges() {
        Task a = task();
        Task b = task();
        Task c = task();
        graph.addEdge(a.getKey(), EdgeType.BLOCKS, b.getKey(), "test");
        graph.addEdge(b.getKey(), EdgeType.RELATES_TO, c.getKey(), "test");
        assertThat(tasks.get(b.getKey()).getDependsOn()).containsExactly(a.getId());
        assertThat(tasks.get(b.getKey()).getRelatedTo()).containsExactly(c.getId());
        assertThat(tasks.get(c.getKey()).getRelatedTo()).containsExactly(b.getId());

        graph.removeEdge(a.getKey(), EdgeType.BLOCKS, b.getKey(), "test");
        assertThat(tasks.get(b.getKey()).getDependsOn()).isEmpty();
        assertThat(tasks.get(b.getKey()).getState()).isEqualTo(TaskState.PENDING);
    }

    @Test
    void blocksATaskUntilItsLastDependencyCompletesThenReleasesItWithAHistoryEntry() {
        Task schema = task();
        Task api = task();
        Task app = task();
        graph.addEdge(schema.getKey(), EdgeType.BLOCKS, app.getKey(), "test");
        graph.addEdge(api.getKey(), EdgeType.BLOCKS, app.getKey(), "test");
        assertThat(tasks.get(app.getKey()).getState()).isEqualTo(TaskState.BLOCKED);

        complete(schema);
        assertThat(tasks.get(app.getKey()).getState()).isEqualTo(TaskState.BLOCKED);
        complete(api);

        assertThat(tasks.get(app.getKey()).getState()).isEqualTo(TaskState.PENDING);
        HistoryEvent released = tasks.history(app.getKey()).get(tasks.history(app.getKey()).size() - 1);
        assertThat(released.actor()).isEqualTo("dependencies");
        assertThat(released.toState()).isEqualTo(TaskState.PENDING);
        assertThat(released.reason()).contains(api.getKey()).contains("completed");
    }

    @Test
    void linksTheDependenciesATaskDeclaresWhenItIsCreated() {
        Task schema = task();
        Task app = tasks.create(new io.taskvault.task.TaskDraft("Build on the schema", null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, List.of(schema.getKey()), null, null, null), "test");
        assertThat(graph.dependencyIds(app.getId())).containsExactly(schema.getId());
        assertThat(tasks.get(app.getKey()).getState()).isEqualTo(TaskState.BLOCKED);
        assertThat(tasks.get(app.getKey()).getDependsOn()).containsExactly(schema.getId());
    }

    @Test
    void answersUpstreamDownstreamTheCriticalPathAndReadyWork() {
        Task a = task();
        Task b = task();
        Task c = task();
        Task d = task();
        graph.addEdge(a.getKey(), EdgeType.BLOCKS, b.getKey(), "test");
        graph.addEdge(b.getKey(), EdgeType.BLOCKS, d.getKey(), "test");
        graph.addEdge(c.getKey(), EdgeType.BLOCKS, d.getKey(), "test");

        assertThat(graph.upstream(d.getKey())).extracting(Task::getKey).containsExactlyInAnyOrder(a.getKey(), b.getKey(), c.getKey());
        assertThat(graph.downstream(a.getKey())).extracting(Task::getKey).containsExactlyInAnyOrder(b.getKey(), d.getKey());
        assertThat(queries.criticalPath(d.getKey())).extracting(Task::getKey).containsExactly(a.getKey(), b.getKey(), d.getKey());
        List<String> ready = queries.ready(io.taskvault.task.TaskQuery.all()).stream().map(Task::getKey).toList();
        assertThat(ready).contains(a.getKey(), c.getKey()).doesNotContain(b.getKey(), d.getKey());
    }

    private Task task() {
        return tasks.create(aTask().build(), "test");
    }

    private void complete(Task task) {
        tasks.transition(task.getKey(), TaskState.QUEUED, "test", "picked");
        tasks.transition(task.getKey(), TaskState.RUNNING, "test", "started");
        tasks.transition(task.getKey(), TaskState.COMPLETED, "test", "done");
    }
}

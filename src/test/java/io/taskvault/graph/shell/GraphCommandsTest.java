package io.taskvault.graph.shell;

import static io.taskvault.support.TaskDrafts.aTask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.shell.test.ShellAssertions;
import org.springframework.shell.test.ShellTestClient;

import io.taskvault.graph.DependencyGraph;
import io.taskvault.graph.EdgeType;
import io.taskvault.graph.TaskEdge;
import io.taskvault.support.EmbeddedStoreTest;
import io.taskvault.task.Task;
import io.taskvault.task.TaskService;
import io.taskvault.task.TaskState;
import io.taskvault.task.shell.ShellDriver;

/** The dependency commands through Spring Shell's parser: what they print and what they store, errors included. */
@EmbeddedStoreTest
class GraphCommandsTest {

    @Autowired
    ShellTestClient shell;
    @Autowired
    TaskService tasks;
    @Autowired
    DependencyGraph graph;
    @Autowired
    ApplicationContext context;

    ShellDriver.Result run(String line) {
        return ShellDriver.of(context).run(line);
    }

    @Test
    void edgeAddStoresTheLinkAndEdgeRemoveTakesItAway() throws Exception {
        Task a = tasks.create(aTask().build(), "t");
        Task b = tasks.create(aTask().build(), "t");

        ShellAssertions.assertThat(shell.sendCommand("edge add --from " + a.getKey() + " --to " + b.getKey()))
                .containsText("linked: " + a.getKey() + " blocks " + b.getKey());
        assertThat(graph.edges(b.getKey())).extracting(TaskEdge::type, TaskEdge::from, TaskEdge::to)
                .containsExactly(tuple(EdgeType.BLOCKS, a.getId(), b.getId()));
        ShellAssertions.assertThat(shell.sendCommand("edge remove --from " + a.getKey() + " --type blocks --to " + b.getKey()))
                .containsText("unlinked: " + a.getKey() + " blocks " + b.getKey());

        assertThat(graph.edges(b.getKey())).isEmpty();
    }

    @Test
    void aCycleABadEdgeTypeAndAMissingEdgeAreOneLineUsageErrorsThatStoreNothing() {
        Task a = tasks.create(aTask().build(), "t");
        Task b = tasks.create(aTask().build(), "t");
        graph.addEdge(a.getKey(), EdgeType.BLOCKS, b.getKey(), "t");

        ShellDriver.Result cycle = run("edge add --from " + b.getKey() + " --to " + a.getKey());
        ShellDriver.Result type = run("edge add --from " + a.getKey() + " --type sideways --to " + b.getKey());
        ShellDriver.Result missing = run("edge remove --from " + b.getKey() + " --type relates-to --to " + a.getKey());
        ShellDriver.Result unknown = run("edge add --from TV-99999 --to " + a.getKey());

        assertThat(cycle.exitCode()).isEqualTo(2);
        assertThat(cycle.err()).singleElement().asString().startsWith("error: ")
                .contains(b.getKey() + " → " + a.getKey() + " → " + b.getKey());
        assertThat(type.err()).singleElement().asString()
                .contains("'sideways' is not an edge type; use one of blocks, relates-to, subtask-of");
        assertThat(missing.err()).singleElement().asString()
                .contains("there is no edge " + b.getKey() + " relates-to " + a.getKey());
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).singleElement().asString().contains("'TV-99999' does not exist");
        assertThat(graph.edges(a.getKey())).hasSize(1);
    }

    @Test
    void upstreamAndDownstreamFollowLinksBothWaysAndPrintJsonForScripts() throws Exception {
        Task a = tasks.create(aTask().titled("Lay the foundation").build(), "t");
        Task b = tasks.create(aTask().titled("Build the walls").build(), "t");
        Task c = tasks.create(aTask().titled("Put on the roof").build(), "t");
        graph.addEdge(a.getKey(), EdgeType.BLOCKS, b.getKey(), "t");
        graph.addEdge(b.getKey(), EdgeType.BLOCKS, c.getKey(), "t");

        ShellAssertions.assertThat(shell.sendCommand("upstream " + c.getKey())).containsText(a.getKey())
                .containsText("Build the walls");
        ShellAssertions.assertThat(shell.sendCommand("downstream " + a.getKey())).containsText(c.getKey())
                .containsText("Put on the roof");
        ShellAssertions.assertThat(shell.sendCommand("upstream " + a.getKey())).containsText("no dependencies");
        ShellDriver.Result json = run("downstream " + b.getKey() + " --json");

        assertThat(json.exitCode()).isZero();
        assertThat(json.screen()).startsWith("[").contains("\"key\" : \"" + c.getKey() + "\"");
    }

    @Test
    void upstreamOfAnUnknownTaskOrOfNoTaskFails() {
        ShellDriver.Result unknown = run("upstream TV-99999");
        ShellDriver.Result none = run("downstream");

        assertThat(unknown.exitCode()).isEqualTo(3);
        assertThat(unknown.err()).containsExactly("error: No task TV-99999 exists; 'list' shows the tasks there are");
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err()).singleElement().asString().contains("downstream: name a task");
    }

    @Test
    void criticalPathReadyAndNextExplainWhatToWorkOn() throws Exception {
        String role = "graph-" + System.nanoTime();
        Task a = tasks.create(aTask().withRole(role).build(), "t");
        Task b = tasks.create(aTask().withRole(role).build(), "t");
        graph.addEdge(a.getKey(), EdgeType.BLOCKS, b.getKey(), "t");

        ShellAssertions.assertThat(shell.sendCommand("critical-path --task " + b.getKey()))
                .containsText(a.getKey() + " → " + b.getKey() + "  (2 tasks)");
        String ready = String.join("\n", shell.sendCommand("ready --role " + role).lines());
        ShellAssertions.assertThat(shell.sendCommand("next --role " + role)).containsText(a.getKey())
                .containsText("unblocks 1 task (" + b.getKey() + ")");
        ShellDriver.Result json = run("next --role " + role + " --json");

        assertThat(ready).contains(a.getKey()).doesNotContain(b.getKey());
        assertThat(json.screen()).contains("\"unblocks\"", b.getKey());
        assertThat(tasks.get(a.getKey()).getState()).isEqualTo(TaskState.PENDING);
    }

    @Test
    void nextAndReadyForARoleWithNoWorkSaySo() {
        ShellDriver.Result next = run("next --role nobody-" + System.nanoTime());
        ShellDriver.Result ready = run("ready --role nobody-" + System.nanoTime());

        assertThat(next.exitCode()).isZero();
        assertThat(next.out()).isNotEmpty();
        assertThat(ready.out()).containsExactly("no task is ready");
        assertThat(List.of(next.err(), ready.err())).allSatisfy(err -> assertThat(err).isEmpty());
    }
}

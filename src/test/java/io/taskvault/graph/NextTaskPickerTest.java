package io.taskvault.graph;

import static io.taskvault.support.TaskDrafts.aTask;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.taskvault.support.EmbeddedStoreTest;
import io.taskvault.support.TaskDrafts;
import io.taskvault.task.Priority;
import io.taskvault.task.Task;
import io.taskvault.task.TaskService;

/** The order "next" applies: ready only, then priority, then tasks unblocked, then age; and its explanation. */
@EmbeddedStoreTest
class NextTaskPickerTest {

    @Autowired
    TaskService tasks;
    @Autowired
    DependencyGraph graph;
    @Autowired
    NextTaskPicker picker;

    //why: the application context (and its store) is shared across test classes; a fresh role isolates each test
    private final String role = "role-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void skipsTasksThatAreNotReadyWhateverTheirPriority() {
        Task dependency = create(aTask().withPriority(Priority.LOW));
        Task critical = create(aTask().withPriority(Priority.CRITICAL));
        graph.addEdge(dependency.getKey(), EdgeType.BLOCKS, critical.getKey(), "test");

        NextTask next = picker.next(role, null, null);

        assertThat(next.task().getKey()).isEqualTo(dependency.getKey());
        assertThat(next.explanation()).contains("unblocks 1 task (" + critical.getKey() + ")").contains("only ready task");
    }

    @Test
    void prefersHigherPriorityThenMoreUnblockedTasksThenTheOlderTask() {
        Task oldMedium = create(aTask().withPriority(Priority.MEDIUM));
        Task newMedium = create(aTask().withPriority(Priority.MEDIUM));
        Task unblocking = create(aTask().withPriority(Priority.MEDIUM));
        Task high = create(aTask().withPriority(Priority.HIGH));
        Task waiting = create(aTask().withPriority(Priority.LOW));
        graph.addEdge(unblocking.getKey(), EdgeType.BLOCKS, waiting.getKey(), "test");

        assertThat(picker.next(role, null, null).task().getKey()).isEqualTo(high.getKey());
        assertThat(picker.next(role, null, null).explanation()).contains("runner-up " + unblocking.getKey())
                .contains("lower priority (MEDIUM)");
        tasks.transition(high.getKey(), io.taskvault.task.TaskState.CANCELLED, "test", "not needed");

        NextTask next = picker.next(role, null, null);
        assertThat(next.task().getKey()).isEqualTo(unblocking.getKey());
        assertThat(next.runnerUp()).isEqualTo(oldMedium.getKey());
        assertThat(next.explanation()).contains("unblocks fewer tasks (0)");
        tasks.transition(unblocking.getKey(), io.taskvault.task.TaskState.CANCELLED, "test", "not needed");

        next = picker.next(role, null, null);
        assertThat(next.task().getKey()).isEqualTo(oldMedium.getKey());
        assertThat(next.runnerUp()).isEqualTo(newMedium.getKey());
        assertThat(next.explanation()).contains("is newer");
    }

    @Test
    void filtersByProviderAndTagsAndSaysWhenNothingIsReady() {
        create(aTask().withProvider("codex").withTags("api"));
        Task claudeUi = create(aTask().withProvider("claude").withTags("ui"));

        assertThat(picker.next(role, "claude", Set.of("ui")).task().getKey()).isEqualTo(claudeUi.getKey());
        NextTask none = picker.next(role, "claude", Set.of("api"));
        assertThat(none.found()).isFalse();
        assertThat(none.explanation()).startsWith("No task is ready for role=" + role + " provider=claude tags=api");
    }

    private Task create(TaskDrafts draft) {
        return tasks.create(draft.withRole(role).build(), "test");
    }
}

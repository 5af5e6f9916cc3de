package io.taskvault.task;

import static io.taskvault.task.TaskState.ARCHIVED;
import static io.taskvault.task.TaskState.BLOCKED;
import static io.taskvault.task.TaskState.CANCELLED;
import static io.taskvault.task.TaskState.COMPLETED;
import static io.taskvault.task.TaskState.FAILED;
import static io.taskvault.task.TaskState.INTERRUPTED;
import static io.taskvault.task.TaskState.PENDING;
import static io.taskvault.task.TaskState.QUEUED;
import static io.taskvault.task.TaskState.RUNNING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The lifecycle table, every pair of states checked against the specification. */
class TaskStateTest {

    private static final Map<TaskState, Set<TaskState>> SPECIFIED = Map.of(
            PENDING, EnumSet.of(QUEUED, BLOCKED, CANCELLED),
            QUEUED, EnumSet.of(RUNNING, BLOCKED, CANCELLED),
            RUNNING, EnumSet.of(COMPLETED, FAILED, CANCELLED, INTERRUPTED),
            BLOCKED, EnumSet.of(PENDING, CANCELLED),
            INTERRUPTED, EnumSet.of(PENDING, FAILED),
            COMPLETED, EnumSet.of(ARCHIVED),
            FAILED, EnumSet.of(PENDING, ARCHIVED),
            CANCELLED, EnumSet.of(ARCHIVED),
            ARCHIVED, EnumSet.of(COMPLETED, FAILED, CANCELLED));

    @ParameterizedTest
    @EnumSource(TaskState.class)
    void allowsExactlyTheSpecifiedMovesFrom(TaskState from) {
        for (TaskState to : TaskState.values()) {
            assertThat(from.canMoveTo(to)).as("%s -> %s", from, to).isEqualTo(SPECIFIED.get(from).contains(to));
        }
        assertThat(from.next()).isEqualTo(SPECIFIED.get(from));
    }

    @ParameterizedTest
    @EnumSource(TaskState.class)
    void refusesEveryOtherMoveNamingTheAllowedOnes(TaskState from) {
        for (TaskState to : EnumSet.complementOf(EnumSet.copyOf(SPECIFIED.get(from)))) {
            Task task = taskIn(from);
            assertThatThrownBy(() -> task.transitionTo(to, null, Instant.now()))
                    .isInstanceOf(IllegalTransitionException.class)
                    .hasMessageContaining(from + " to " + to);
            assertThat(task.getState()).isEqualTo(from);
        }
    }

    @ParameterizedTest
    @EnumSource(value = TaskState.class, names = {"COMPLETED", "FAILED", "CANCELLED"})
    void restoresAnArchivedTaskOnlyToTheStateItHad(TaskState had) {
        Task task = archivedFrom(had);
        for (TaskState other : EnumSet.of(COMPLETED, FAILED, CANCELLED)) {
            if (other != had) {
                assertThatThrownBy(() -> task.transitionTo(other, null, Instant.now()))
                        .hasMessageContaining("can only be restored to " + had);
                assertThat(task.getState()).isEqualTo(ARCHIVED);
            }
        }
        task.transitionTo(had, null, Instant.now());
        assertThat(task.getState()).isEqualTo(had);
        assertThat(task.getArchivedAt()).isNull();
    }

    @ParameterizedTest
    @EnumSource(value = TaskState.class, names = {"FAILED", "INTERRUPTED"})
    void retryCountsAnotherAttempt(TaskState from) {
        Task task = taskIn(from);
        task.transitionTo(PENDING, "retry", Instant.now());
        assertThat(task.getAttempt()).isEqualTo(1);
    }

    private static Task archivedFrom(TaskState state) {
        Task task = taskIn(state);
        task.transitionTo(ARCHIVED, "old", Instant.now());
        return task;
    }

    private static Task taskIn(TaskState state) {
        Task task = new Task();
        task.setKey("TV-1");
        task.setState(state);
        if (state == ARCHIVED) {
            task.setPreviousState(COMPLETED);
        }
        return task;
    }
}

package io.taskvault.story;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.taskvault.story.StoryRollup.Progress;
import io.taskvault.task.TaskState;

/** How a group's percent done and progress follow from its counts by state. */
class StoryRollupTest {

    private static Map<TaskState, Long> counts(Object... stateAndCount) {
        Map<TaskState, Long> byState = new EnumMap<>(TaskState.class);
        for (TaskState state : TaskState.values()) {
            byState.put(state, 0L);
        }
        for (int i = 0; i < stateAndCount.length; i += 2) {
            byState.put((TaskState) stateAndCount[i], ((Number) stateAndCount[i + 1]).longValue());
        }
        return byState;
    }

    private static Progress progress(Object... stateAndCount) {
        Map<TaskState, Long> byState = counts(stateAndCount);
        long total = byState.values().stream().mapToLong(Long::longValue).sum();
        return StoryRollup.progress(byState, total - byState.get(TaskState.CANCELLED) - byState.get(TaskState.ARCHIVED));
    }

    @Test
    void percentDoneLeavesCancelledTasksOutAndRoundsDownSoOnlyAllDoneIs100() {
        assertThat(StoryRollup.percentDone(counts(TaskState.COMPLETED, 2, TaskState.CANCELLED, 5), 2)).isEqualTo(100);
        assertThat(StoryRollup.percentDone(counts(TaskState.COMPLETED, 199, TaskState.PENDING, 1), 200)).isEqualTo(99);
        assertThat(StoryRollup.percentDone(counts(TaskState.CANCELLED, 3), 0)).isZero();
    }

    @Test
    void progressFollowsWhatIsLeftToRun() {
        assertThat(progress(TaskState.PENDING, 2, TaskState.BLOCKED, 1)).isEqualTo(Progress.NOT_STARTED);
        assertThat(progress(TaskState.PENDING, 2, TaskState.COMPLETED, 1)).isEqualTo(Progress.IN_PROGRESS);
        assertThat(progress(TaskState.RUNNING, 1)).isEqualTo(Progress.IN_PROGRESS);
        assertThat(progress(TaskState.COMPLETED, 3, TaskState.FAILED, 1, TaskState.BLOCKED, 1)).isEqualTo(Progress.IN_PROGRESS);
        assertThat(progress(TaskState.COMPLETED, 3, TaskState.FAILED, 1, TaskState.CANCELLED, 1)).isEqualTo(Progress.STALLED);
        assertThat(progress(TaskState.COMPLETED, 3, TaskState.CANCELLED, 2)).isEqualTo(Progress.COMPLETED);
        assertThat(progress(TaskState.CANCELLED, 2)).isEqualTo(Progress.CANCELLED);
    }
}

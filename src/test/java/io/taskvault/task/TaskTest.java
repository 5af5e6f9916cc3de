package io.taskvault.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The rules a task carries beside its transitions: patching, heartbeats and validation. */
class TaskTest {

    private static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");

    @Test
    void patchAppliesLooselyTypedValuesByName() {
        Task task = TaskDraft.titled("Write the parser").toTask();

        task.patch(Map.of("priority", "high", "tags", "api, auth", "complexityScore", "7", "fullAccess", "true"));

        assertThat(task.getPriority()).isEqualTo(Priority.HIGH);
        assertThat(task.getPriorityRank()).isEqualTo(Priority.HIGH.ordinal() + 1);
        assertThat(task.getTags()).containsExactly("api", "auth");
        assertThat(task.getComplexityScore()).isEqualTo(7);
        assertThat(task.isFullAccess()).isTrue();
    }

    @Test
    void aRefusedPatchNamesEveryBadFieldAndChangesNothing() {
        Task task = TaskDraft.titled("Write the parser").toTask();
        Map<String, Object> patch = new LinkedHashMap<>();
        patch.put("title", "Another title");
        patch.put("colour", "red");
        patch.put("complexityScore", "many");

        assertThatThrownBy(() -> task.patch(patch)).isInstanceOfSatisfying(InvalidTaskException.class,
                e -> assertThat(e.errors()).containsOnlyKeys("colour", "complexityScore"));
        assertThat(task.getTitle()).isEqualTo("Write the parser");
    }

    @Test
    void onlyARunningTaskTakesHeartbeats() {
        Task task = TaskDraft.titled("Write the parser").toTask();
        task.setKey("TV-1");
        task.setState(TaskState.QUEUED);
        assertThatThrownBy(() -> task.beat(NOW)).isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("only a RUNNING task takes heartbeats");

        task.transitionTo(TaskState.RUNNING, null, NOW.minusSeconds(60));
        task.beat(NOW);

        assertThat(task.getHeartbeatAt()).isEqualTo(NOW);
        assertThat(task.getStartedAt()).isEqualTo(NOW.minusSeconds(60));
    }

    @Test
    void validateNamesEveryBrokenRule() {
        Task task = TaskDraft.builder(" ").tags(List.of("not a tag")).complexityScore(11)
                .metadata(Map.of("$where", "1")).build().toTask();

        assertThatThrownBy(task::validate).isInstanceOfSatisfying(InvalidTaskException.class,
                e -> assertThat(e.errors()).containsKeys("title", "tags", "complexityScore", "metadata"));
    }
}

package io.taskvault.preferences;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.taskvault.task.Priority;
import io.taskvault.task.TaskQuery;
import io.taskvault.task.TaskQuery.SortField;
import io.taskvault.task.TaskState;

class ViewFilterTest {

    private static final TaskQuery SAVED = TaskQuery.all().withStates(Set.of(TaskState.FAILED))
            .withGroups(Set.of("STORY-7"), Set.of("EPIC-2"), Set.of("qa"));

    @Test
    void keepsTheGroupingKeysItWasSavedWith() {
        TaskQuery opened = ViewFilter.of(SAVED).toQuery(20, 0);

        assertThat(opened.storyIds()).containsExactly("STORY-7");
        assertThat(opened.epicIds()).containsExactly("EPIC-2");
        assertThat(opened.personas()).containsExactly("qa");
        assertThat(opened.states()).containsExactly(TaskState.FAILED);
        assertThat(ViewFilter.of(SAVED).summary()).contains("story STORY-7", "epic EPIC-2", "persona qa");
    }

    @Test
    void aGroupingKeyGivenWithTheViewReplacesTheViewsOwnAndTheRestStays() {
        TaskQuery given = TaskQuery.all().withGroups(Set.of("STORY-9"), Set.of(), Set.of());

        TaskQuery opened = ViewFilter.of(SAVED).overriddenBy(given, false);

        assertThat(opened.storyIds()).containsExactly("STORY-9");
        assertThat(opened.epicIds()).containsExactly("EPIC-2");
        assertThat(opened.personas()).containsExactly("qa");
    }

    @Test
    void keepsEveryFilterAndTheSortOfTheQueryItWasSavedFrom() {
        TaskQuery query = TaskQuery.builder().states(Set.of(TaskState.FAILED, TaskState.BLOCKED)).roles(Set.of("backend"))
                .providers(Set.of("claude")).priorities(Set.of(Priority.HIGH)).tags(Set.of("auth")).text("login")
                .createdBetween(Instant.parse("2026-12-01T00:00:00Z"), Instant.parse("2026-12-02T00:00:00Z"))
                .updatedBetween(Instant.parse("2026-12-03T00:00:00Z"), Instant.parse("2026-12-04T00:00:00Z"))
                .sortedBy(SortField.PRIORITY, false).page(20, 40)
                .groups(Set.of("STORY-7"), Set.of("EPIC-2"), Set.of("qa")).build();

        assertThat(ViewFilter.of(query).toQuery(20, 40)).isEqualTo(query);
    }
}

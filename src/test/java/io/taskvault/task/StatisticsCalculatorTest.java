package io.taskvault.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.Test;

/** Counts kept by adding and removing each task's projection as it changes equal a fresh pass over the tasks. */
class StatisticsCalculatorTest {

    private static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void countsFollowingChangesEqualAFreshCount() {
        Document pending = facts("PENDING", "dev", "claude", null, null, 3);
        Document running = facts("RUNNING", "qa", "codex", AT, null, 3);
        Document done = facts("COMPLETED", "qa", "codex", AT, AT.plusSeconds(90), 2);
        Document failedLater = facts("FAILED", "qa", "codex", AT, AT.plusSeconds(30), 3);

        StatisticsCalculator kept = new StatisticsCalculator();
        List.of(pending, running, done).forEach(kept::add);
        kept.remove(running);
        kept.add(failedLater);
        kept.remove(pending);

        StatisticsCalculator fresh = new StatisticsCalculator();
        List.of(done, failedLater).forEach(fresh::add);

        TaskStatistics keptResult = kept.result(Map.of(), AT);
        assertThat(keptResult).isEqualTo(fresh.result(Map.of(), AT));
        assertThat(keptResult.byRole()).as("a role no task has any more is gone").containsOnlyKeys("qa");
        assertThat(keptResult.byState()).containsEntry(TaskState.PENDING, 0L).containsEntry(TaskState.FAILED, 1L);
        assertThat(keptResult.meanRunningMillisByRole()).containsEntry("qa", 60_000L);
    }

    @Test
    void aCopyIsNotChangedByLaterCounts() {
        StatisticsCalculator kept = new StatisticsCalculator();
        kept.add(facts("COMPLETED", "dev", "claude", AT, AT.plusSeconds(10), 3));
        StatisticsCalculator copy = kept.copy();

        kept.add(facts("COMPLETED", "dev", "claude", AT, AT.plusSeconds(30), 3));

        assertThat(copy.result(Map.of(), AT).total()).isEqualTo(1);
        assertThat(copy.result(Map.of(), AT).meanRunningMillisByRole()).containsEntry("dev", 10_000L);
        assertThat(kept.result(Map.of(), AT).meanRunningMillisByRole()).containsEntry("dev", 20_000L);
    }

    private static Document facts(String state, String role, String provider, Instant started, Instant completed,
                                  int schemaVersion) {
        Document facts = new Document("state", state).append("role", role).append("provider", provider)
                .append("schemaVersion", schemaVersion);
        if (started != null) {
            facts.append("startedAt", Date.from(started));
        }
        if (completed != null) {
            facts.append("completedAt", Date.from(completed));
        }
        return facts;
    }
}

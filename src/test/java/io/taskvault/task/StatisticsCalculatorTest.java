package io.taskvault.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.Test;

/** Counts kept by adding and taking back each task's facts as it changes equal a fresh count of the tasks. */
class StatisticsCalculatorTest {

    private static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void countsFollowingChangesEqualAFreshCount() {
        CountedFacts pending = facts("PENDING", "dev", "claude", null, null, 3);
        CountedFacts running = facts("RUNNING", "qa", "codex", AT, null, null);
        CountedFacts done = facts("COMPLETED", "qa", "codex", AT, AT.plusSeconds(90), 2);
        CountedFacts failedLater = facts("FAILED", "qa", "codex", AT, AT.plusSeconds(30), 7);

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
        assertThat(keptResult.averageComplexity()).isEqualTo(4.5);
    }

    @Test
    void theCountersDocumentHoldsTheSameCountsAsIncrementsAddUpTo() {
        CountedFacts oddNames = facts("COMPLETED", "qa.lead", "$provider%2E", AT, AT.plusSeconds(5), 4);
        CountedFacts plain = facts("PENDING", null, " ", null, null, null);
        StatisticsCalculator counted = new StatisticsCalculator();
        counted.add(oddNames);
        counted.add(plain);

        StatisticsCalculator read = StatisticsCalculator.of(counted.toDocument());
        Document summed = sumOfIncrements(counted.increments());

        assertThat(read.result(Map.of(), AT)).isEqualTo(counted.result(Map.of(), AT));
        assertThat(StatisticsCalculator.of(summed).result(Map.of(), AT)).isEqualTo(counted.result(Map.of(), AT));
        assertThat(read.result(Map.of(), AT).byRole()).containsOnlyKeys("qa.lead", CountedFacts.NONE);
        assertThat(read.result(Map.of(), AT).byProvider()).containsOnlyKeys("$provider%2E", CountedFacts.NONE);
    }

    @Test
    void aChangeThatMovesNoCountedFactWritesNothing() {
        CountedFacts task = facts("RUNNING", "dev", "claude", AT, null, 5);
        StatisticsCalculator delta = new StatisticsCalculator();
        delta.remove(task);
        delta.add(facts("RUNNING", "dev", "claude", AT, null, 5));

        assertThat(delta.increments()).isEmpty();
    }

    @Test
    void aStoredStateNoLongerKnownCountsInTheTotalOnly() {
        CountedFacts stored = CountedFacts.of(new Document("state", "pending").append("role", 42));

        assertThat(stored.state()).isNull();
        assertThat(stored.role()).isEqualTo(CountedFacts.NONE);
        StatisticsCalculator counted = new StatisticsCalculator();
        counted.add(stored);
        assertThat(counted.result(Map.of(), AT).total()).isEqualTo(1);
        assertThat(counted.result(Map.of(), AT).byState().values()).containsOnly(0L);
    }

    //why: what $inc does to an empty document, done by hand on nested documents
    private static Document sumOfIncrements(Document increments) {
        Document summed = new Document();
        increments.forEach((path, value) -> {
            String[] parts = path.split("\\.");
            Document at = summed;
            for (int i = 0; i < parts.length - 1; i++) {
                at = (Document) at.computeIfAbsent(parts[i], k -> new Document());
            }
            at.merge(parts[parts.length - 1], value, (a, b) -> ((Number) a).longValue() + ((Number) b).longValue());
        });
        return summed;
    }

    private static CountedFacts facts(String state, String role, String provider, Instant started, Instant completed,
                                      Integer complexity) {
        Document stored = new Document("state", state).append("role", role).append("provider", provider)
                .append("complexityScore", complexity);
        if (started != null) {
            stored.append("startedAt", Date.from(started));
        }
        if (completed != null) {
            stored.append("completedAt", Date.from(completed));
        }
        return CountedFacts.of(stored);
    }
}

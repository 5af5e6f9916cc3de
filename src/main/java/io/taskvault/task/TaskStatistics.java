package io.taskvault.task;

import java.time.Instant;
import java.util.Map;

/**
 * Counts and rates over the stored tasks.
 *
 * @param completionRate   completed / finished (completed + failed + cancelled), 0 when nothing finished
 * @param failureRate      failed / finished
 * @param meanRunningMillisByRole     mean time from start to finish of finished tasks, per role
 * @param meanRunningMillisByProvider the same per provider
 * @param averageComplexity           the mean complexity score (1 to 10) of the tasks that have one, null when none has
 *                                    (archived tasks are not counted)
 * @param tasksWithComplexity         how many tasks that mean is over
 * @param countedAt        the moment of the read: the counts hold every change made before it
 */
public record TaskStatistics(long total, Map<TaskState, Long> byState, Map<String, Long> byRole,
                             Map<String, Long> byProvider, double completionRate, double failureRate,
                             Map<String, Long> meanRunningMillisByRole, Map<String, Long> meanRunningMillisByProvider,
                             Double averageComplexity, long tasksWithComplexity,
                             Map<String, Map<Integer, Long>> schemaVersions, Instant countedAt) {
}

package io.taskvault.task;

import java.util.Map;

/**
 * Counts and rates over the stored tasks.
 *
 * @param completionRate   completed / finished (completed + failed + cancelled), 0 when nothing finished
 * @param failureRate      failed / finished
 * @param meanRunningMillisByRole     mean time from start to finish of finished tasks, per role
 * @param meanRunningMillisByProvider the same per provider
 */
public record TaskStatistics(long total, Map<TaskState, Long> byState, Map<String, Long> byRole,
                             Map<String, Long> byProvider, double completionRate, double failureRate,
                             Map<String, Long> meanRunningMillisByRole, Map<String, Long> meanRunningMillisByProvider,
                             Map<String, Map<Integer, Long>> schemaVersions) {
}

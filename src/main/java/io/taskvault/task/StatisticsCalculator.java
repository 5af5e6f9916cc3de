package io.taskvault.task;

import java.util.Date;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

import org.bson.Document;
import org.springframework.data.mongodb.core.query.Query;

/** Counts what the statistics need from a projection of the tasks, in one pass. */
final class StatisticsCalculator {

    private static final String NONE = "(none)";

    private final Map<TaskState, Long> byState = new EnumMap<>(TaskState.class);
    private final Map<String, Long> byRole = new TreeMap<>();
    private final Map<String, Long> byProvider = new TreeMap<>();
    private final Map<String, long[]> runningByRole = new HashMap<>();
    private final Map<String, long[]> runningByProvider = new HashMap<>();
    private final Map<Integer, Long> versions = new TreeMap<>();
    private final Map<TaskState, Long> finishedArchived = new EnumMap<>(TaskState.class);
    private long total;
    private long complexitySum;
    private long withComplexity;

    static Query projection() {
        Query query = new Query();
        query.fields().include("state", "role", "provider", "startedAt", "completedAt", "schemaVersion", "status",
                "complexityScore");
        return query;
    }

    void add(Document task) {
        total++;
        Number version = task.get("schemaVersion", Number.class);
        versions.merge(version == null ? 1 : version.intValue(), 1L, Long::sum);
        TaskState state = parse(task.getString("state"));
        if (state != null) {
            byState.merge(state, 1L, Long::sum);
        }
        String role = orNone(task.getString("role"));
        String provider = orNone(task.getString("provider"));
        byRole.merge(role, 1L, Long::sum);
        byProvider.merge(provider, 1L, Long::sum);
        if (task.get("complexityScore") instanceof Number score) {
            complexitySum += score.longValue();
            withComplexity++;
        }
        Date started = task.getDate("startedAt");
        Date completed = task.getDate("completedAt");
        if (started != null && completed != null && state != null && state.isFinished()) {
            long millis = completed.getTime() - started.getTime();
            add(runningByRole, role, millis);
            add(runningByProvider, provider, millis);
        }
    }

    /** Tasks that moved to the archive: counted as ARCHIVED, by role, and in the rates by the state they had. */
    void addArchived(ArchivedTaskCounts counts) {
        ArchivedTaskCounts.Counts archived = counts.current();
        total += archived.total();
        byState.merge(TaskState.ARCHIVED, archived.total(), Long::sum);
        archived.byRole().forEach((role, count) -> byRole.merge(orNone(role), count, Long::sum));
        archived.byState().forEach((state, count) -> {
            TaskState before = parse(state);
            if (before != null && before.isFinished()) {
                finishedArchived.merge(before, count, Long::sum);
            }
        });
    }

    TaskStatistics result(Map<String, Map<Integer, Long>> otherVersions, java.time.Instant countedAt) {
        long completed = byState.getOrDefault(TaskState.COMPLETED, 0L) + finishedArchived.getOrDefault(TaskState.COMPLETED, 0L);
        long failed = byState.getOrDefault(TaskState.FAILED, 0L) + finishedArchived.getOrDefault(TaskState.FAILED, 0L);
        long finished = completed + failed + byState.getOrDefault(TaskState.CANCELLED, 0L)
                + finishedArchived.getOrDefault(TaskState.CANCELLED, 0L);
        Map<TaskState, Long> states = new EnumMap<>(byState);
        for (TaskState state : TaskState.values()) {
            states.putIfAbsent(state, 0L);
        }
        Map<String, Map<Integer, Long>> schema = new TreeMap<>(otherVersions);
        schema.put(Task.COLLECTION, new TreeMap<>(versions));
        return new TaskStatistics(total, states, new TreeMap<>(byRole), new TreeMap<>(byProvider), finished == 0 ? 0 : (double) completed / finished,
                finished == 0 ? 0 : (double) failed / finished, means(runningByRole), means(runningByProvider),
                withComplexity == 0 ? null : (double) complexitySum / withComplexity, withComplexity, schema, countedAt);
    }

    private static TaskState parse(String state) {
        try {
            return state == null ? null : TaskState.valueOf(state);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String orNone(String value) {
        return value == null || value.isBlank() ? NONE : value;
    }

    private static void add(Map<String, long[]> sums, String key, long millis) {
        long[] sum = sums.computeIfAbsent(key, k -> new long[2]);
        sum[0] += millis;
        sum[1]++;
    }

    private static Map<String, Long> means(Map<String, long[]> sums) {
        Map<String, Long> means = new TreeMap<>();
        sums.forEach((key, sum) -> means.put(key, sum[0] / sum[1]));
        return means;
    }
}

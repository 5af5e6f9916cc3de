package io.taskvault.task;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

import org.bson.Document;

/**
 * Counts what the statistics need from tasks' {@link CountedFacts}: added by a pass over the tasks, or taken back
 * and added again as a task changes, so the difference of one change can be kept as counters in the store.
 */
final class StatisticsCalculator {

    private final Map<TaskState, Long> byState = new EnumMap<>(TaskState.class);
    private final Map<String, Long> byRole = new TreeMap<>();
    private final Map<String, Long> byProvider = new TreeMap<>();
    private final Map<String, long[]> runningByRole = new TreeMap<>();
    private final Map<String, long[]> runningByProvider = new TreeMap<>();
    private final Map<TaskState, Long> finishedArchived = new EnumMap<>(TaskState.class);
    private long total;
    private long complexitySum;
    private long withComplexity;

    void add(CountedFacts task) {
        count(task, 1);
    }

    /** Takes back what {@link #add} counted for these facts. */
    void remove(CountedFacts task) {
        count(task, -1);
    }

    private void count(CountedFacts task, int sign) {
        if (task == null) {
            return;
        }
        total += sign;
        if (task.state() != null) {
            merge(byState, task.state(), sign);
        }
        merge(byRole, task.role(), sign);
        merge(byProvider, task.provider(), sign);
        if (task.complexity() != null) {
            complexitySum += sign * (long) task.complexity();
            withComplexity += sign;
        }
        if (task.runningMillis() != null) {
            add(runningByRole, task.role(), sign * task.runningMillis(), sign);
            add(runningByProvider, task.provider(), sign * task.runningMillis(), sign);
        }
    }

    //why: a count that falls to zero goes, so counts kept by adding and removing equal a fresh pass's
    private static <K> void merge(Map<K, Long> counts, K key, long delta) {
        counts.merge(key, delta, (a, b) -> a + b == 0 ? null : a + b);
    }

    private static void add(Map<String, long[]> sums, String key, long millis, long count) {
        long[] sum = sums.computeIfAbsent(key, k -> new long[2]);
        sum[0] += millis;
        sum[1] += count;
        if (sum[1] == 0 && sum[0] == 0) {
            sums.remove(key);
        }
    }

    /** Tasks that moved to the archive: counted as ARCHIVED, by role, and in the rates by the state they had. */
    void addArchived(ArchivedTaskCounts counts) {
        ArchivedTaskCounts.Counts archived = counts.current();
        total += archived.total();
        byState.merge(TaskState.ARCHIVED, archived.total(), Long::sum);
        archived.byRole().forEach((role, count) -> byRole.merge(CountedFacts.orNone(role), count, Long::sum));
        archived.byState().forEach((state, count) -> {
            TaskState before = parse(state);
            if (before != null && before.isFinished()) {
                finishedArchived.merge(before, count, Long::sum);
            }
        });
    }

    /** The statistics, with the schema versions counted elsewhere. */
    TaskStatistics result(Map<String, Map<Integer, Long>> schemaVersions, Instant countedAt) {
        long completed = byState.getOrDefault(TaskState.COMPLETED, 0L) + finishedArchived.getOrDefault(TaskState.COMPLETED, 0L);
        long failed = byState.getOrDefault(TaskState.FAILED, 0L) + finishedArchived.getOrDefault(TaskState.FAILED, 0L);
        long finished = completed + failed + byState.getOrDefault(TaskState.CANCELLED, 0L)
                + finishedArchived.getOrDefault(TaskState.CANCELLED, 0L);
        Map<TaskState, Long> states = new EnumMap<>(byState);
        for (TaskState state : TaskState.values()) {
            states.putIfAbsent(state, 0L);
        }
        return new TaskStatistics(total, states, new TreeMap<>(byRole), new TreeMap<>(byProvider),
                finished == 0 ? 0 : (double) completed / finished, finished == 0 ? 0 : (double) failed / finished,
                means(runningByRole), means(runningByProvider),
                withComplexity == 0 ? null : (double) complexitySum / withComplexity, withComplexity,
                new TreeMap<>(schemaVersions), countedAt);
    }

    long total() {
        return total;
    }

    Map<TaskState, Long> byState() {
        return byState;
    }

    /** The counts as the counters document holds them (names escaped to be field names). */
    Document toDocument() {
        Document states = new Document();
        byState.forEach((state, count) -> states.append(state.name(), count));
        return new Document("total", total).append("states", states).append("roles", counts(byRole))
                .append("providers", counts(byProvider)).append("runningByRole", sums(runningByRole))
                .append("runningByProvider", sums(runningByProvider))
                .append("complexity", new Document("sum", complexitySum).append("count", withComplexity));
    }

    /** The counts a counters document holds. */
    static StatisticsCalculator of(Document counters) {
        StatisticsCalculator counts = new StatisticsCalculator();
        counts.total = number(counters.get("total"));
        section(counters, "states").forEach((state, count) -> {
            TaskState known = parse(state);
            if (known != null && number(count) != 0) {
                counts.byState.put(known, number(count));
            }
        });
        readCounts(section(counters, "roles"), counts.byRole);
        readCounts(section(counters, "providers"), counts.byProvider);
        readSums(section(counters, "runningByRole"), counts.runningByRole);
        readSums(section(counters, "runningByProvider"), counts.runningByProvider);
        Document complexity = section(counters, "complexity");
        counts.complexitySum = number(complexity.get("sum"));
        counts.withComplexity = number(complexity.get("count"));
        return counts;
    }

    /** The same counts as {@code $inc} operands (dotted paths), leaving out what does not move; empty when nothing does. */
    Document increments() {
        Document inc = new Document();
        if (total != 0) {
            inc.append("total", total);
        }
        byState.forEach((state, count) -> inc.append("states." + state.name(), count));
        byRole.forEach((role, count) -> inc.append("roles." + FieldNames.escape(role), count));
        byProvider.forEach((provider, count) -> inc.append("providers." + FieldNames.escape(provider), count));
        incrementSums(inc, "runningByRole", runningByRole);
        incrementSums(inc, "runningByProvider", runningByProvider);
        if (complexitySum != 0) {
            inc.append("complexity.sum", complexitySum);
        }
        if (withComplexity != 0) {
            inc.append("complexity.count", withComplexity);
        }
        return inc;
    }

    private static void incrementSums(Document inc, String section, Map<String, long[]> sums) {
        sums.forEach((key, sum) -> {
            String path = section + "." + FieldNames.escape(key);
            if (sum[0] != 0) {
                inc.append(path + ".millis", sum[0]);
            }
            if (sum[1] != 0) {
                inc.append(path + ".count", sum[1]);
            }
        });
    }

    private static Document counts(Map<String, Long> counts) {
        Document document = new Document();
        counts.forEach((key, count) -> document.append(FieldNames.escape(key), count));
        return document;
    }

    private static Document sums(Map<String, long[]> sums) {
        Document document = new Document();
        sums.forEach((key, sum) -> document.append(FieldNames.escape(key),
                new Document("millis", sum[0]).append("count", sum[1])));
        return document;
    }

    private static void readCounts(Document section, Map<String, Long> into) {
        section.forEach((key, count) -> {
            if (number(count) != 0) {
                into.put(FieldNames.unescape(key), number(count));
            }
        });
    }

    private static void readSums(Document section, Map<String, long[]> into) {
        section.forEach((key, value) -> {
            if (value instanceof Document sum && number(sum.get("count")) != 0) {
                into.put(FieldNames.unescape(key), new long[] {number(sum.get("millis")), number(sum.get("count"))});
            }
        });
    }

    private static Document section(Document counters, String name) {
        return counters.get(name) instanceof Document section ? section : new Document();
    }

    private static long number(Object value) {
        return value instanceof Number number ? number.longValue() : 0;
    }

    private static TaskState parse(String state) {
        try {
            return state == null ? null : TaskState.valueOf(state);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Map<String, Long> means(Map<String, long[]> sums) {
        Map<String, Long> means = new TreeMap<>();
        sums.forEach((key, sum) -> {
            if (sum[1] > 0) {
                means.put(key, sum[0] / sum[1]);
            }
        });
        return means;
    }

    /** Role and provider names as field names: a dot would nest, a dollar would read as an operator. */
    static final class FieldNames {

        private FieldNames() {
        }

        static String escape(String name) {
            return name.replace("%", "%25").replace(".", "%2E").replace("$", "%24");
        }

        static String unescape(String field) {
            return field.replace("%2E", ".").replace("%24", "$").replace("%25", "%");
        }
    }
}

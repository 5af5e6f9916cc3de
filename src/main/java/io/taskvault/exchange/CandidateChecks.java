package io.taskvault.exchange;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks across the files of one import: ids that collide, and dependency cycles among the imported tasks (blocks
 * included); and the order to store them in, dependencies first, so each dependent can name the id its dependency
 * was given.
 */
final class CandidateChecks {

    private CandidateChecks() {
    }

    /** The candidates that pass; each one that fails is logged as rejected with its reason. */
    static List<ImportCandidate> accepted(List<ImportCandidate> candidates, ImportLog log) {
        Map<String, ImportCandidate> byId = new LinkedHashMap<>();
        for (ImportCandidate candidate : candidates) {
            ImportCandidate first = byId.putIfAbsent(candidate.sourceId(), candidate);
            if (first != null) {
                log.reject(candidate.file(), candidate.sourceId(), "id " + candidate.sourceId()
                        + " collides with " + first.file() + "; only the first file is imported");
            }
        }
        foldBlocks(byId);
        Set<String> inCycle = new LinkedHashSet<>();
        Map<String, List<String>> cycles = new HashMap<>();
        for (String id : byId.keySet()) {
            List<String> cycle = cycleThrough(id, byId);
            if (!cycle.isEmpty()) {
                inCycle.add(id);
                cycles.put(id, cycle);
            }
        }
        List<ImportCandidate> accepted = new ArrayList<>();
        for (ImportCandidate candidate : byId.values()) {
            if (inCycle.contains(candidate.sourceId())) {
                log.reject(candidate.file(), candidate.sourceId(), "dependency cycle: "
                        + String.join(" → ", cycles.get(candidate.sourceId())));
            } else {
                accepted.add(candidate);
            }
        }
        return accepted;
    }

    /**
     * "A blocks B" is "B depends on A": a blocked task of this import gets A in its dependsOn (so cycles and the
     * storing order see it); A keeps only the blocked tasks from outside this import, to be found among earlier ones.
     */
    private static void foldBlocks(Map<String, ImportCandidate> byId) {
        Map<String, Set<String>> waitsFor = new HashMap<>();
        for (ImportCandidate candidate : byId.values()) {
            for (String blocked : candidate.blocks()) {
                if (byId.containsKey(blocked)) {
                    waitsFor.computeIfAbsent(blocked, k -> new LinkedHashSet<>()).add(candidate.sourceId());
                }
            }
        }
        byId.replaceAll((id, candidate) -> {
            Set<String> dependsOn = new LinkedHashSet<>(candidate.dependsOn());
            dependsOn.addAll(waitsFor.getOrDefault(id, Set.of()));
            return candidate.withDependsOn(List.copyOf(dependsOn))
                    .withBlocks(candidate.blocks().stream().filter(b -> !byId.containsKey(b)).toList());
        });
    }

    /** The path start → … → start along dependsOn, or empty when start is on no cycle. */
    private static List<String> cycleThrough(String start, Map<String, ImportCandidate> byId) {
        Map<String, String> parent = new HashMap<>();
        List<String> queue = new ArrayList<>(List.of(start));
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < queue.size(); i++) {
            String id = queue.get(i);
            ImportCandidate candidate = byId.get(id);
            if (candidate == null) {
                continue;
            }
            for (String dependency : candidate.dependsOn()) {
                if (dependency.equals(start)) {
                    List<String> path = new ArrayList<>(List.of(start));
                    for (String at = id; at != null && !at.equals(start); at = parent.get(at)) {
                        path.add(1, at);
                    }
                    path.add(start);
                    return path;
                }
                if (seen.add(dependency)) {
                    parent.put(dependency, id);
                    queue.add(dependency);
                }
            }
        }
        return List.of();
    }

    /** The candidates reordered so that each comes after the candidates it depends on (else in file order). */
    static List<ImportCandidate> inDependencyOrder(List<ImportCandidate> accepted) {
        Map<String, ImportCandidate> byId = new LinkedHashMap<>();
        accepted.forEach(c -> byId.put(c.sourceId(), c));
        List<ImportCandidate> ordered = new ArrayList<>(accepted.size());
        Set<String> placed = new HashSet<>();
        for (ImportCandidate candidate : accepted) {
            place(candidate, byId, placed, ordered);
        }
        return ordered;
    }

    private static void place(ImportCandidate candidate, Map<String, ImportCandidate> byId, Set<String> placed,
                              List<ImportCandidate> ordered) {
        //why: marked before its dependencies are placed, so a cycle (already rejected) could never recurse forever
        if (!placed.add(candidate.sourceId())) {
            return;
        }
        for (String dependency : candidate.dependsOn()) {
            ImportCandidate first = byId.get(dependency);
            if (first != null) {
                place(first, byId, placed, ordered);
            }
        }
        ordered.add(candidate);
    }
}

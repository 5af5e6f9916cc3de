package io.taskvault.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The edges held in memory as adjacency sets per type, so graph walks never query the store per node. */
final class EdgeIndex {

    private final Map<EdgeType, Map<String, Set<String>>> out = new EnumMap<>(EdgeType.class);
    private final Map<EdgeType, Map<String, Set<String>>> in = new EnumMap<>(EdgeType.class);
    private int size;

    EdgeIndex(Collection<TaskEdge> edges) {
        for (EdgeType type : EdgeType.values()) {
            out.put(type, new HashMap<>());
            in.put(type, new HashMap<>());
        }
        edges.forEach(this::add);
    }

    synchronized void add(TaskEdge edge) {
        if (out.get(edge.type()).computeIfAbsent(edge.from(), k -> new LinkedHashSet<>()).add(edge.to())) {
            in.get(edge.type()).computeIfAbsent(edge.to(), k -> new LinkedHashSet<>()).add(edge.from());
            size++;
        }
    }

    synchronized void remove(String from, EdgeType type, String to) {
        Set<String> targets = out.get(type).get(from);
        if (targets != null && targets.remove(to)) {
            in.get(type).get(to).remove(from);
            size--;
        }
    }

    synchronized boolean contains(String from, EdgeType type, String to) {
        return out.get(type).getOrDefault(from, Set.of()).contains(to);
    }

    synchronized List<String> out(String id, EdgeType type) {
        return List.copyOf(out.get(type).getOrDefault(id, Set.of()));
    }

    synchronized List<String> in(String id, EdgeType type) {
        return List.copyOf(in.get(type).getOrDefault(id, Set.of()));
    }

    synchronized int size() {
        return size;
    }

    /** Every node with at least one edge of this type. */
    synchronized Set<String> nodes(EdgeType type) {
        Set<String> nodes = new HashSet<>(out.get(type).keySet());
        nodes.addAll(in.get(type).keySet());
        return nodes;
    }

    /**
     * A path {@code start … goal} along edges of the type, found by an iterative depth-first search with a visited
     * set (each node is expanded once, so the walk is linear in the edges reachable from start).
     */
    synchronized Optional<List<String>> path(String start, String goal, EdgeType type) {
        Map<String, Set<String>> adjacency = out.get(type);
        Map<String, String> parent = new HashMap<>();
        Set<String> visited = new HashSet<>();
        Deque<String> stack = new ArrayDeque<>();
        stack.push(start);
        visited.add(start);
        while (!stack.isEmpty()) {
            String node = stack.pop();
            if (node.equals(goal)) {
                List<String> path = new ArrayList<>();
                for (String at = goal; at != null; at = parent.get(at)) {
                    path.add(0, at);
                }
                return Optional.of(path);
            }
            for (String next : adjacency.getOrDefault(node, Set.of())) {
                if (visited.add(next)) {
                    parent.put(next, node);
                    stack.push(next);
                }
            }
        }
        return Optional.empty();
    }

    /** Every node reachable from start along the type's edges, forwards (downstream) or backwards (upstream). */
    synchronized Set<String> closure(String start, EdgeType type, boolean forwards) {
        Map<String, Set<String>> adjacency = forwards ? out.get(type) : in.get(type);
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> stack = new ArrayDeque<>(List.of(start));
        while (!stack.isEmpty()) {
            for (String next : adjacency.getOrDefault(stack.pop(), Set.of())) {
                if (!next.equals(start) && seen.add(next)) {
                    stack.push(next);
                }
            }
        }
        return seen;
    }
}

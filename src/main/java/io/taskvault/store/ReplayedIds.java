package io.taskvault.store;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** Per collection, the documents the writes replayed at start-up named by their exact ids. */
public final class ReplayedIds {

    private final Map<String, Set<Object>> named = new HashMap<>();
    private final Set<String> unnamed = new HashSet<>();

    void note(String command, Map<String, Object> query) {
        if (!(query.get(command) instanceof String collection)) {
            return;
        }
        Collection<Object> ids = WrittenIds.of(command, query);
        if (ids == null) {
            unnamed.add(collection);
        } else {
            named.computeIfAbsent(collection, c -> new HashSet<>()).addAll(ids);
        }
    }

    /** Whether every replayed write to the collection named its documents exactly. */
    public boolean allNamed(String collection) {
        return !unnamed.contains(collection);
    }

    public Set<Object> of(String collection) {
        return Set.copyOf(named.getOrDefault(collection, Set.of()));
    }
}

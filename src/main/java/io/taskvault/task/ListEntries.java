package io.taskvault.task;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.taskvault.task.TaskListIndex.Entry;

/**
 * The list index's entries by id, and grouped by state: nearly every list filters on one state or a few, and then
 * only those groups are read (a tenth of the entries for PENDING at 100,000 tasks) instead of every entry.
 * Not thread-safe: the list index uses it under its own lock.
 */
final class ListEntries {

    private final Map<Object, Entry> byId = new HashMap<>();
    private final Map<String, Map<Object, Entry>> byState = new HashMap<>();

    void put(Object id, Entry entry) {
        remove(id);
        byId.put(id, entry);
        byState.computeIfAbsent(entry.state(), state -> new HashMap<>()).put(id, entry);
    }

    void remove(Object id) {
        Entry old = byId.remove(id);
        if (old != null) {
            Map<Object, Entry> group = byState.get(old.state());
            group.remove(id);
            if (group.isEmpty()) {
                byState.remove(old.state());
            }
        }
    }

    void replaceWith(ListEntries other) {
        byId.clear();
        byState.clear();
        byId.putAll(other.byId);
        other.byState.forEach((state, group) -> byState.put(state, new HashMap<>(group)));
    }

    int size() {
        return byId.size();
    }

    Collection<Entry> all() {
        return byId.values();
    }

    /** The entries in any of these states (every entry when none are given). */
    Collection<Entry> inStates(Set<TaskState> states) {
        if (states.isEmpty()) {
            return all();
        }
        List<Entry> found = new ArrayList<>();
        for (TaskState state : states) {
            found.addAll(byState.getOrDefault(state.name(), Map.of()).values());
        }
        return found;
    }
}

package io.taskvault.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import io.taskvault.task.TaskListIndex.Entry;

/** The list index's entries stay reachable by state as tasks move between states, are replaced and go. */
class ListEntriesTest {

    private final ListEntries entries = new ListEntries();

    @Test
    void aTaskIsFoundUnderItsCurrentStateOnly() {
        entries.put("t1", entry("t1", "PENDING"));
        entries.put("t2", entry("t2", "PENDING"));
        entries.put("t3", entry("t3", "RUNNING"));

        entries.put("t1", entry("t1", "RUNNING"));

        assertThat(ids(entries.inStates(Set.of(TaskState.PENDING)))).containsExactly("t2");
        assertThat(ids(entries.inStates(Set.of(TaskState.RUNNING)))).containsExactlyInAnyOrder("t1", "t3");
        assertThat(ids(entries.inStates(Set.of(TaskState.PENDING, TaskState.RUNNING, TaskState.FAILED)))).hasSize(3);
        assertThat(ids(entries.inStates(Set.of()))).as("no state asked: every entry").hasSize(3);
        assertThat(entries.size()).isEqualTo(3);
    }

    @Test
    void aRemovedTaskIsGoneFromItsStateAndAReplacementStartsClean() {
        entries.put("t1", entry("t1", "PENDING"));
        entries.put("t2", entry("t2", "COMPLETED"));
        entries.remove("t1");
        entries.remove("never-there");

        assertThat(entries.inStates(Set.of(TaskState.PENDING))).isEmpty();

        ListEntries rebuilt = new ListEntries();
        rebuilt.put("t9", entry("t9", "PENDING"));
        entries.replaceWith(rebuilt);
        rebuilt.put("t10", entry("t10", "PENDING"));

        assertThat(ids(entries.inStates(Set.of(TaskState.PENDING)))).as("a copy, not the rebuilt map").containsExactly("t9");
        assertThat(entries.inStates(Set.of(TaskState.COMPLETED))).isEmpty();
    }

    private static Entry entry(String id, String state) {
        return Entry.of(new Document("_id", id).append("state", state).append("title", "task " + id));
    }

    private static java.util.List<String> ids(java.util.Collection<Entry> found) {
        return found.stream().map(Entry::id).toList();
    }
}

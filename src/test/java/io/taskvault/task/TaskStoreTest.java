package io.taskvault.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.bson.Document;
import org.junit.jupiter.api.Test;

class TaskStoreTest {

    @Test
    void aTaskInTheCurrentShapeIsTakenByTheStateItNames() {
        Document current = new Document("_id", "t1").append("schemaVersion", Task.SCHEMA_VERSION);

        assertThat(TaskStore.mayBeIn(new Document(current).append("state", "RUNNING"), Set.of("RUNNING"))).isTrue();
        assertThat(TaskStore.mayBeIn(new Document(current).append("state", "PENDING"), Set.of("RUNNING"))).isFalse();
        assertThat(TaskStore.mayBeIn(current, Set.of("RUNNING"))).as("no state at all").isFalse();
    }

    @Test
    void aTaskInAnOlderShapeIsAlwaysDecodedSinceItMayNameItsStateOtherwise() {
        Document v1 = new Document("_id", "t1").append("schemaVersion", 1).append("status", "in_progress");

        assertThat(TaskStore.mayBeIn(v1, Set.of("RUNNING"))).isTrue();
        assertThat(TaskStore.mayBeIn(new Document("_id", "t2").append("status", "pending"), Set.of("RUNNING")))
                .as("no schemaVersion: the oldest shape").isTrue();
    }
}

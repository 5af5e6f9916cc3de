package io.taskvault.store.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.Test;

class UpgradeChainTest {

    private final VersionedSchemaUpgrader upgrader = new VersionedSchemaUpgrader(List.of(new TaskV1ToV2(), new TaskV2ToV3()));

    @Test
    void runsEveryStepFromTheStoredVersionToTheNewest() {
        Document v1 = Fixtures.load("schema/tasks-v1.json").get(0);

        Document upgraded = upgrader.upgrade("tasks", v1);

        assertThat(upgraded.getInteger("schemaVersion")).isEqualTo(3);
        assertThat(upgraded.getString("title")).isEqualTo("Design the login page");
        assertThat(upgraded.getString("state")).isEqualTo("COMPLETED");
        assertThat(upgraded.getInteger("priorityRank")).isEqualTo(3);
        assertThat(upgraded).doesNotContainKeys("content", "status", "relationships", "id");
    }

    @Test
    void leavesDocumentsOfTheNewestVersionAlone() {
        Document current = new Document("_id", "x").append("schemaVersion", 3).append("priority", "HIGH")
                .append("priorityRank", 3);

        assertThat(upgrader.upgrade("tasks", new Document(current))).isEqualTo(current);
    }

    @Test
    void refusesADocumentNewerThanTheCodeNamingCollectionIdAndVersions() {
        Document future = Fixtures.load("schema/tasks-too-new.json").get(0);

        assertThatThrownBy(() -> upgrader.upgrade("tasks", future))
                .isInstanceOfSatisfying(SchemaTooNewException.class, e -> {
                    assertThat(e.collection()).isEqualTo("tasks");
                    assertThat(e.documentId()).isEqualTo("from-the-future");
                    assertThat(e.found()).isEqualTo(99);
                    assertThat(e.newestKnown()).isEqualTo(3);
                })
                .hasMessageContaining("from-the-future").hasMessageContaining("99").hasMessageContaining("up to 3");
    }

    @Test
    void refusesHistoryAndOutputsNewerThanTheirChains() {
        assertThatThrownBy(() -> upgrader.upgrade("task_history", new Document("_id", "t:1").append("schemaVersion", 2)))
                .isInstanceOf(SchemaTooNewException.class).hasMessageContaining("task_history");
        assertThatThrownBy(() -> upgrader.upgrade("task_outputs", new Document("_id", "o").append("schemaVersion", 7)))
                .isInstanceOf(SchemaTooNewException.class).hasMessageContaining("task_outputs");
    }

    @Test
    void namesAnUnknownV1StatusInsteadOfGuessing() {
        Document odd = Fixtures.load("schema/tasks-v1-unknown-status.json").get(0);

        assertThatThrownBy(() -> upgrader.upgrade("tasks", odd)).isInstanceOf(UnreadableDocumentException.class)
                .hasMessageContaining("TASK-009-009").hasMessageContaining("'someday'")
                .hasMessageContaining("in_progress");
    }

    @Test
    void rejectsAChainWithAGap() {
        assertThatThrownBy(() -> new VersionedSchemaUpgrader(List.of(new TaskV2ToV3())))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("without gaps");
    }

    @Test
    void keepsTheWholeContentAsDescriptionWhenTheTitleIsItsFirstLine() {
        Document v1 = Fixtures.load("schema/tasks-v1.json").get(1);

        Document upgraded = upgrader.upgrade("tasks", v1);

        assertThat(upgraded.getString("title")).isEqualTo("Wire the login form to the session API");
        assertThat(upgraded.getString("description")).contains("wrong.");
        assertThat(upgraded.getString("_id")).isEqualTo("65f0c0ffee0000000000abcd");
        assertThat(upgraded.getString("state")).isEqualTo("RUNNING");
    }
}

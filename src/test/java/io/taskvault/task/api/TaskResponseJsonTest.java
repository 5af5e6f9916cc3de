package io.taskvault.task.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.taskvault.task.Priority;
import io.taskvault.task.Task;
import io.taskvault.task.TaskState;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The task's REST answer is one flat object in stable names, whatever groups the record keeps its fields in. */
class TaskResponseJsonTest {

    private static final List<String> FIELDS = List.of("id", "key", "externalId", "title", "description", "state",
            "previousState", "role", "priority", "tags", "assignee", "createdBy", "provider", "model", "repositoryUrl",
            "branch", "baseBranch", "worktreePath", "commitHash", "targetDir", "fullAccess", "providerOverride",
            "requirements", "acceptanceCriteria", "affectedFiles", "complexityScore", "storyId", "epicId", "persona",
            "dependsOn", "relatedTo", "lastError", "errorCount", "attempt", "createdAt", "updatedAt", "startedAt",
            "completedAt", "archivedAt", "heartbeatAt", "metadata", "version", "historyCount", "outputCount", "links");

    @Test
    void writesEveryFieldAtTheTopLevelInItsOrderWithoutStorageInternals() {
        Task task = new Task();
        task.setId("0b5e");
        task.setKey("TV-42");
        task.setTitle("Add the login page");
        task.setState(TaskState.RUNNING);
        task.setPriority(Priority.HIGH);
        task.setBranch("feature/login");
        task.setFullAccess(true);
        task.setDependsOn(List.of("TV-41"));
        task.setStartedAt(Instant.parse("2026-12-05T10:00:00Z"));
        task.setMetadata(Map.of("sprint", 7));
        task.historySealed(3, "abc");

        JsonNode json = JsonMapper.builder().build().valueToTree(TaskResponse.of(task));

        List<String> names = new ArrayList<>(json.propertyNames());
        assertThat(names).containsExactlyElementsOf(FIELDS);
        assertThat(json.get("branch").asString()).isEqualTo("feature/login");
        assertThat(json.get("fullAccess").asBoolean()).isTrue();
        assertThat(json.get("dependsOn").get(0).asString()).isEqualTo("TV-41");
        assertThat(json.get("historyCount").asLong()).isEqualTo(3);
        assertThat(json.get("links").get("self").asString()).isEqualTo("/api/tasks/0b5e");
        assertThat(json.get("startedAt")).isNotNull();
    }
}

package io.taskvault.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.convert.DefaultMongoTypeMapper;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;
import org.springframework.data.mongodb.core.convert.NoOpDbRefResolver;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;

/**
 * The document a task is stored as keeps its field names and their order, whatever value objects the class groups
 * them into: migrations, backups, the history diff and the hash chain all read these names.
 */
class TaskDocumentShapeTest {

    private static final Instant AT = Instant.parse("2026-12-05T10:00:00Z");

    private final MappingMongoConverter converter = converter();

    @Test
    void aTaskIsStoredAsOneFlatDocumentUnderItsKnownFieldNames() {
        Document stored = write(aFullTask());

        assertThat(List.copyOf(stored.keySet())).containsExactly("_id", "key", "externalId", "title", "description",
                "role", "priority", "state", "previousState", "tags", "assignee", "createdBy", "provider", "model",
                "repositoryUrl", "branch", "baseBranch", "worktreePath", "commitHash", "targetDir", "fullAccess",
                "providerOverride", "requirements", "acceptanceCriteria", "affectedFiles", "complexityScore",
                "storyId", "epicId", "persona", "dependsOn", "relatedTo", "lastError", "errorCount", "attempt",
                "createdAt", "updatedAt", "startedAt", "completedAt", "archivedAt", "heartbeatAt", "metadata",
                "version", "schemaVersion", "historySeq", "historyHash", "outputSeq", "priorityRank", "keyNumber");
        assertThat(stored.get("heartbeatAt")).isInstanceOf(java.util.Date.class);
    }

    @Test
    void aStoredTaskReadsBackToTheSameDocument() {
        Document stored = write(aFullTask());

        Task read = converter.read(Task.class, stored);

        assertThat(write(read)).isEqualTo(stored);
        assertThat(read.getHeartbeatAt()).isEqualTo(AT.plusSeconds(4));
        assertThat(read.getHistoryHash()).isEqualTo("ab12");
        assertThat(read.getAttempt()).isEqualTo(2);
    }

    @Test
    void aTaskWithoutRunOrChainFieldsReadsWithTheirDefaults() {
        Task read = converter.read(Task.class, new Document("_id", "id-1").append("key", "TV-1").append("title", "Bare")
                .append("state", "PENDING"));

        assertThat(read.getHeartbeatAt()).isNull();
        assertThat(read.getAttempt()).isZero();
        assertThat(read.getHistorySeq()).isZero();
        assertThat(read.getHistoryHash()).isNull();
    }

    private Document write(Task task) {
        Document document = new Document();
        converter.write(task, document);
        return document;
    }

    private static MappingMongoConverter converter() {
        MongoCustomConversions conversions = new MongoCustomConversions(List.of());
        MongoMappingContext context = new MongoMappingContext();
        context.setSimpleTypeHolder(conversions.getSimpleTypeHolder());
        context.afterPropertiesSet();
        MappingMongoConverter converter = new MappingMongoConverter(NoOpDbRefResolver.INSTANCE, context);
        converter.setCustomConversions(conversions);
        converter.setTypeMapper(new DefaultMongoTypeMapper(null));
        converter.afterPropertiesSet();
        return converter;
    }

    private static Task aFullTask() {
        Task task = TaskDraft.builder("Write the parser").description("d").role("backend").priority(Priority.HIGH)
                .tags(List.of("api")).assignee("ana").createdBy("orchestrator").ai("claude", "opus")
                .repository("https://example.org/r.git", "feature", "main").worktreePath("/w").commitHash("c0ffee")
                .targetDir("src").fullAccess(true).providerOverride("local").requirements(Map.of("r", 1))
                .acceptanceCriteria(Map.of("a", "b")).affectedFiles(List.of("A.java")).complexityScore(5)
                .groups("S-1", "E-1", "dev").dependsOn(List.of("id-0")).relatedTo(List.of("id-9"))
                .metadata(Map.of("m", true)).externalId("ext-1").build().toTask();
        task.setId("id-1");
        task.setKey("TV-1");
        task.setState(TaskState.RUNNING);
        task.setPreviousState(TaskState.QUEUED);
        task.setLastError("boom");
        task.setErrorCount(1);
        task.setAttempt(2);
        task.setCreatedAt(AT);
        task.setUpdatedAt(AT.plusSeconds(1));
        task.setStartedAt(AT.plusSeconds(2));
        task.setCompletedAt(AT.plusSeconds(3));
        task.setArchivedAt(AT.plusSeconds(5));
        task.setHeartbeatAt(AT.plusSeconds(4));
        task.setVersion(7);
        task.setHistorySeq(7);
        task.setHistoryHash("ab12");
        task.setOutputSeq(3);
        return task;
    }
}

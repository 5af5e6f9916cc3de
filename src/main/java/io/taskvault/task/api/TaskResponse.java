package io.taskvault.task.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import io.swagger.v3.oas.annotations.media.Schema;
import io.taskvault.task.Priority;
import io.taskvault.task.Task;
import io.taskvault.task.TaskState;

/**
 * A task as the REST API shows it: what an orchestrator works with, in names that stay stable whatever the store
 * keeps beside them (hash-chain heads, sort ranks, sequence counters and schema versions are not part of the API).
 * The JSON is flat; the record groups its fields by what they are about (the work, where it is done, its plan, how
 * it ran), each group written in place.
 */
@Schema(name = "Task", description = "A task as the REST API shows it")
public record TaskResponse(
        @Schema(description = "Stable id (UUID); {id} in every path also takes the key, the number or an id prefix")
        String id,
        @Schema(description = "Human key, e.g. TV-42", example = "TV-42")
        String key,
        @Schema(description = "The caller's own id (import source id or Idempotency-Key); unique when set")
        String externalId,
        @JsonUnwrapped Work work,
        @JsonUnwrapped Workspace workspace,
        @JsonUnwrapped Plan plan,
        @JsonUnwrapped Run run,
        Map<String, Object> metadata,
        @Schema(description = "Grows with every change; sent as the ETag, and as If-Match to make a change conditional")
        long version,
        @Schema(description = "How many history events the task has")
        long historyCount,
        @Schema(description = "How many outputs the task has")
        long outputCount,
        Links links) {

    /** What the task is, where it stands and who works on it. */
    public record Work(String title, String description, TaskState state,
                       @Schema(description = "The state before the last transition")
                       TaskState previousState,
                       String role, Priority priority, List<String> tags, String assignee, String createdBy,
                       String provider, String model) {

        static Work of(Task t) {
            return new Work(t.getTitle(), t.getDescription(), t.getState(), t.getPreviousState(), t.getRole(),
                    t.getPriority(), t.getTags(), t.getAssignee(), t.getCreatedBy(), t.getProvider(), t.getModel());
        }
    }

    /** Where the work is done: the repository, its branches and the agent's folder and rights. */
    public record Workspace(String repositoryUrl, String branch, String baseBranch, String worktreePath,
                            String commitHash, String targetDir, boolean fullAccess, String providerOverride) {

        static Workspace of(Task t) {
            return new Workspace(t.getRepositoryUrl(), t.getBranch(), t.getBaseBranch(), t.getWorktreePath(),
                    t.getCommitHash(), t.getTargetDir(), t.isFullAccess(), t.getProviderOverride());
        }
    }

    /** What the task asks for and how it fits with others. */
    public record Plan(Map<String, Object> requirements, Map<String, Object> acceptanceCriteria,
                       List<String> affectedFiles, Integer complexityScore, String storyId, String epicId,
                       String persona,
                       @Schema(description = "Keys of the tasks this one waits for")
                       List<String> dependsOn,
                       List<String> relatedTo) {

        static Plan of(Task t) {
            return new Plan(t.getRequirements(), t.getAcceptanceCriteria(), t.getAffectedFiles(),
                    t.getComplexityScore(), t.getStoryId(), t.getEpicId(), t.getPersona(), t.getDependsOn(),
                    t.getRelatedTo());
        }
    }

    /** How the task ran: its attempts, its last error and its times. */
    public record Run(String lastError, int errorCount, int attempt, Instant createdAt, Instant updatedAt,
                      Instant startedAt, Instant completedAt, Instant archivedAt,
                      @Schema(description = "The last heartbeat of the agent holding the task's lease (RUNNING tasks); "
                              + "recovery interrupts a task whose heartbeat is older than the lease")
                      Instant heartbeatAt) {

        static Run of(Task t) {
            return new Run(t.getLastError(), t.getErrorCount(), t.getAttempt(), t.getCreatedAt(), t.getUpdatedAt(),
                    t.getStartedAt(), t.getCompletedAt(), t.getArchivedAt(), t.getHeartbeatAt());
        }
    }

    /** Where the task and what belongs to it are read and changed. */
    public record Links(String self, String history, String outputs, String transitions, String promptContext) {

        static Links of(Task t) {
            String self = "/api/tasks/" + t.getId();
            return new Links(self, self + "/history", self + "/outputs", self + "/transitions",
                    self + "/prompt-context");
        }
    }

    public static TaskResponse of(Task t) {
        return new TaskResponse(t.getId(), t.getKey(), t.getExternalId(), Work.of(t), Workspace.of(t), Plan.of(t),
                Run.of(t), t.getMetadata(), t.getVersion(), t.getHistorySeq(), t.getOutputSeq(), Links.of(t));
    }

    public static List<TaskResponse> of(List<Task> tasks) {
        return tasks.stream().map(TaskResponse::of).toList();
    }
}

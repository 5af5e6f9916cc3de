package io.taskvault.task.api;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;
import io.taskvault.task.Priority;
import io.taskvault.task.TaskDraft;

/** What {@code POST /api/tasks} (and each item of a batch) takes: everything but the title is optional. */
@Schema(name = "TaskCreateRequest", description = "A task to create; everything but the title is optional")
public record TaskCreateRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "Write the parser")
        String title,
        String description, String role,
        @Schema(description = "MEDIUM when left out")
        Priority priority,
        List<String> tags, String assignee,
        @Schema(description = "Who asks for the task; a bearer token or a signed-in person is always its creator")
        String createdBy,
        String provider, String model, String repositoryUrl, String branch, String baseBranch, String worktreePath,
        String commitHash,
        @Schema(description = "\".\" when left out")
        String targetDir,
        Boolean fullAccess, String providerOverride, Map<String, Object> requirements,
        Map<String, Object> acceptanceCriteria, List<String> affectedFiles, Integer complexityScore,
        @Schema(description = "The pipeline's grouping keys: story, epic and persona")
        String storyId,
        String epicId, String persona,
        @Schema(description = "Keys or ids of the tasks this one waits for; each must exist")
        List<String> dependsOn,
        List<String> relatedTo, Map<String, Object> metadata,
        @Schema(description = "The caller's own id, unique when set; the Idempotency-Key header fills it")
        String externalId) {

    /** The service's draft of the task this request describes. */
    public TaskDraft toDraft() {
        return TaskDraft.builder(title).description(description).role(role).priority(priority).tags(tags)
                .assignee(assignee).createdBy(createdBy).ai(provider, model).repository(repositoryUrl, branch, baseBranch)
                .worktreePath(worktreePath).commitHash(commitHash).targetDir(targetDir).fullAccess(fullAccess)
                .providerOverride(providerOverride).requirements(requirements).acceptanceCriteria(acceptanceCriteria)
                .affectedFiles(affectedFiles).complexityScore(complexityScore).groups(storyId, epicId, persona)
                .dependsOn(dependsOn).relatedTo(relatedTo).metadata(metadata).externalId(externalId).build();
    }
}

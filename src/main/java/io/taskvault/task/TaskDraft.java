package io.taskvault.task;

import java.util.List;
import java.util.Map;

/** What a caller gives to create a task; everything but the title is optional. */
public record TaskDraft(
        String title, String description, String role, Priority priority, List<String> tags,
        String assignee, String createdBy, String provider, String model,
        String repositoryUrl, String branch, String baseBranch, String worktreePath, String commitHash,
        String targetDir, Boolean fullAccess, String providerOverride,
        Map<String, Object> requirements, Map<String, Object> acceptanceCriteria, List<String> affectedFiles,
        Integer complexityScore, String storyId, String epicId, String persona,
        List<String> dependsOn, List<String> relatedTo, Map<String, Object> metadata, String externalId) {

    /** A draft with only a title, for callers that fill the rest through {@link #toTask()}'s result. */
    public static TaskDraft titled(String title) {
        return new TaskDraft(title, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** The same draft with another creator (a caller's proven name instead of the one it claims). */
    public TaskDraft withCreator(String name) {
        return new TaskDraft(title, description, role, priority, tags, assignee, name, provider, model, repositoryUrl,
                branch, baseBranch, worktreePath, commitHash, targetDir, fullAccess, providerOverride, requirements,
                acceptanceCriteria, affectedFiles, complexityScore, storyId, epicId, persona, dependsOn, relatedTo,
                metadata, externalId);
    }

    /** The same draft with {@code defaultRole} and {@code defaultProvider} where it names no role or provider. */
    public TaskDraft withDefaults(String defaultRole, String defaultProvider) {
        return new TaskDraft(title, description, blank(role) ? defaultRole : role, priority, tags, assignee, createdBy,
                blank(provider) ? defaultProvider : provider, model, repositoryUrl, branch, baseBranch, worktreePath,
                commitHash, targetDir, fullAccess, providerOverride, requirements, acceptanceCriteria, affectedFiles,
                complexityScore, storyId, epicId, persona, dependsOn, relatedTo, metadata, externalId);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /** The task this draft describes, before ids, keys and timestamps are given to it. */
    public Task toTask() {
        Task task = new Task();
        task.setTitle(title);
        task.setDescription(description);
        task.setRole(role);
        task.setPriority(priority == null ? Priority.MEDIUM : priority);
        task.setTags(tags);
        task.setAssignee(assignee);
        task.setCreatedBy(createdBy);
        task.setProvider(provider);
        task.setModel(model);
        task.setRepositoryUrl(repositoryUrl);
        task.setBranch(branch);
        task.setBaseBranch(baseBranch);
        task.setWorktreePath(worktreePath);
        task.setCommitHash(commitHash);
        task.setTargetDir(targetDir == null ? "." : targetDir);
        task.setFullAccess(Boolean.TRUE.equals(fullAccess));
        task.setProviderOverride(providerOverride);
        task.setRequirements(requirements);
        task.setAcceptanceCriteria(acceptanceCriteria);
        task.setAffectedFiles(affectedFiles);
        task.setComplexityScore(complexityScore);
        task.setStoryId(storyId);
        task.setEpicId(epicId);
        task.setPersona(persona);
        task.setDependsOn(dependsOn);
        task.setRelatedTo(relatedTo);
        task.setMetadata(metadata);
        task.setExternalId(externalId == null || externalId.isBlank() ? null : externalId.trim());
        return task;
    }
}

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
        return builder(title).build();
    }

    /** A draft described by name; every part but the title may be left out. */
    public static Builder builder(String title) {
        return new Builder(title);
    }

    /** A builder that starts from this draft. */
    public Builder toBuilder() {
        return new Builder(title).description(description).role(role).priority(priority).tags(tags).assignee(assignee)
                .createdBy(createdBy).ai(provider, model).repository(repositoryUrl, branch, baseBranch)
                .worktreePath(worktreePath).commitHash(commitHash).targetDir(targetDir).fullAccess(fullAccess)
                .providerOverride(providerOverride).requirements(requirements).acceptanceCriteria(acceptanceCriteria)
                .affectedFiles(affectedFiles).complexityScore(complexityScore).groups(storyId, epicId, persona)
                .dependsOn(dependsOn).relatedTo(relatedTo).metadata(metadata).externalId(externalId);
    }

    /** The same draft with another creator (a caller's proven name instead of the one it claims). */
    public TaskDraft withCreator(String name) {
        return toBuilder().createdBy(name).build();
    }

    /** The same draft with {@code defaultRole} and {@code defaultProvider} where it names no role or provider. */
    public TaskDraft withDefaults(String defaultRole, String defaultProvider) {
        return toBuilder().role(blank(role) ? defaultRole : role)
                .ai(blank(provider) ? defaultProvider : provider, model).build();
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

    /** Names each part of a draft, so none is given by its position among twenty-eight. */
    public static final class Builder {

        private String title;
        private String description;
        private String role;
        private Priority priority;
        private List<String> tags;
        private String assignee;
        private String createdBy;
        private String provider;
        private String model;
        private String repositoryUrl;
        private String branch;
        private String baseBranch;
        private String worktreePath;
        private String commitHash;
        private String targetDir;
        private Boolean fullAccess;
        private String providerOverride;
        private Map<String, Object> requirements;
        private Map<String, Object> acceptanceCriteria;
        private List<String> affectedFiles;
        private Integer complexityScore;
        private String storyId;
        private String epicId;
        private String persona;
        private List<String> dependsOn;
        private List<String> relatedTo;
        private Map<String, Object> metadata;
        private String externalId;

        private Builder(String title) {
            this.title = title;
        }

        public Builder description(String value) {
            this.description = value;
            return this;
        }

        public Builder role(String value) {
            this.role = value;
            return this;
        }

        public Builder priority(Priority value) {
            this.priority = value;
            return this;
        }

        public Builder tags(List<String> value) {
            this.tags = value;
            return this;
        }

        public Builder assignee(String value) {
            this.assignee = value;
            return this;
        }

        public Builder createdBy(String value) {
            this.createdBy = value;
            return this;
        }

        public Builder worktreePath(String value) {
            this.worktreePath = value;
            return this;
        }

        public Builder commitHash(String value) {
            this.commitHash = value;
            return this;
        }

        public Builder targetDir(String value) {
            this.targetDir = value;
            return this;
        }

        public Builder fullAccess(Boolean value) {
            this.fullAccess = value;
            return this;
        }

        public Builder providerOverride(String value) {
            this.providerOverride = value;
            return this;
        }

        public Builder requirements(Map<String, Object> value) {
            this.requirements = value;
            return this;
        }

        public Builder acceptanceCriteria(Map<String, Object> value) {
            this.acceptanceCriteria = value;
            return this;
        }

        public Builder affectedFiles(List<String> value) {
            this.affectedFiles = value;
            return this;
        }

        public Builder complexityScore(Integer value) {
            this.complexityScore = value;
            return this;
        }

        public Builder dependsOn(List<String> value) {
            this.dependsOn = value;
            return this;
        }

        public Builder relatedTo(List<String> value) {
            this.relatedTo = value;
            return this;
        }

        public Builder metadata(Map<String, Object> value) {
            this.metadata = value;
            return this;
        }

        public Builder externalId(String value) {
            this.externalId = value;
            return this;
        }

        /** The AI provider and model to run the task with. */
        public Builder ai(String providerName, String modelName) {
            this.provider = providerName;
            this.model = modelName;
            return this;
        }

        /** Where the work happens: the repository, the branch to work on and the branch it starts from. */
        public Builder repository(String url, String workBranch, String base) {
            this.repositoryUrl = url;
            this.branch = workBranch;
            this.baseBranch = base;
            return this;
        }

        /** The pipeline's grouping keys: the story and epic the task belongs to and the persona it serves. */
        public Builder groups(String story, String epic, String forPersona) {
            this.storyId = story;
            this.epicId = epic;
            this.persona = forPersona;
            return this;
        }

        public TaskDraft build() {
            return new TaskDraft(title, description, role, priority, tags, assignee, createdBy, provider, model, repositoryUrl, branch, baseBranch, worktreePath, commitHash, targetDir, fullAccess, providerOverride, requirements, acceptanceCriteria, affectedFiles, complexityScore, storyId, epicId, persona, dependsOn, relatedTo, metadata, externalId);
        }
    }
}

package io.taskvault.task;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Unwrapped;
import org.springframework.data.mongodb.core.mapping.Document;

import io.taskvault.task.history.EventType;

/**
 * The current state of one task: the projection of its history, with the rules of how it may change (its moves
 * between states, the fields a caller may edit, what it must meet to be stored). Changed only through
 * {@link TaskService}, which records every change as a {@code HistoryEvent} first.
 */
@Document(Task.COLLECTION)
public class Task {

    public static final String COLLECTION = "tasks";
    public static final int SCHEMA_VERSION = 3;

    @Id
    private String id;
    private String key;
    private String externalId;
    private String title;
    private String description;
    private String role;
    private Priority priority;
    private TaskState state;
    private TaskState previousState;
    private List<String> tags = new ArrayList<>();
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
    private boolean fullAccess;
    private String providerOverride;
    private Map<String, Object> requirements = new LinkedHashMap<>();
    private Map<String, Object> acceptanceCriteria = new LinkedHashMap<>();
    private List<String> affectedFiles = new ArrayList<>();
    private Integer complexityScore;
    private String storyId;
    private String epicId;
    private String persona;
    private List<String> dependsOn = new ArrayList<>();
    private List<String> relatedTo = new ArrayList<>();
    //why: unwrapped, so the document keeps lastError, errorCount and attempt as top-level fields
    @Unwrapped.Empty
    private Attempts attempts = new Attempts();
    private Instant createdAt;
    private Instant updatedAt;
    //why: unwrapped, so the document keeps startedAt, completedAt, archivedAt and heartbeatAt as top-level fields
    @Unwrapped.Empty
    private RunTimes times = new RunTimes();
    private Map<String, Object> metadata = new LinkedHashMap<>();
    private long version;
    private int schemaVersion = SCHEMA_VERSION;
    //why: unwrapped, so the document keeps historySeq, historyHash and outputSeq as top-level fields
    @Unwrapped.Empty
    private Sequences sequences = new Sequences();
    //why: derived sort keys; enums and "TV-10" do not sort right as text
    private int priorityRank;
    private long keyNumber;

    /**
     * Moves the task to {@code to} by the transition table, setting what the move implies for its timestamps, counters
     * and error fields; says how history names the move. Nothing changes when the move is not allowed.
     */
    public EventType transitionTo(TaskState to, String reason, Instant now) {
        TaskState from = state;
        if (!from.canMoveTo(to)) {
            throw new IllegalTransitionException(key, from, to);
        }
        if (from == TaskState.ARCHIVED) {
            if (to != previousState) {
                throw new IllegalTransitionException("Task " + key + " can only be restored to " + previousState
                        + ", the state it had when it was archived", from, to, true);
            }
            state = to;
            previousState = null;
            times.restored();
            return EventType.RESTORED;
        }
        state = to;
        switch (to) {
            case RUNNING -> times.started(now);
            case COMPLETED, CANCELLED -> times.finished(now);
            case FAILED -> {
                times.finished(now);
                attempts.failed(reason);
            }
            case INTERRUPTED -> attempts.interrupted(reason);
            case PENDING -> {
                if (from == TaskState.FAILED || from == TaskState.INTERRUPTED) {
                    attempts.retried();
                    times.reset();
                }
            }
            case ARCHIVED -> {
                previousState = from;
                times.archived(now);
                return EventType.ARCHIVED;
            }
            default -> {
            }
        }
        return EventType.STATE_CHANGED;
    }

    /** Renews a RUNNING task's lease; only a running task has a worker whose heartbeat counts. */
    public void beat(Instant now) {
        if (state != TaskState.RUNNING) {
            throw new IllegalTransitionException("Task " + key + " is " + state + "; only a RUNNING task takes heartbeats",
                    state, TaskState.RUNNING, true);
        }
        times.beat(now);
    }

    /**
     * Changes the editable fields named in {@code fields} (see {@link #editableFields()}), each value loosely typed as
     * a form or JSON gives it; unknown fields and ill-typed values are all named in one {@link InvalidTaskException}
     * and then nothing is changed.
     */
    public void patch(Map<String, ?> fields) {
        TaskFields.apply(this, fields);
    }

    /** The names {@link #patch} accepts. */
    public static Collection<String> editableFields() {
        return TaskFields.names();
    }

    /** Records that the task's history chain now ends at event {@code seq}, sealed with {@code hash}. */
    public void historySealed(long seq, String hash) {
        sequences.sealed(seq, hash);
    }

    /** Numbers the task's next output (1 for its first). */
    public long nextOutputSeq() {
        return sequences.nextOutput();
    }

    /** Checks the rules a task must meet before it is stored, naming every field that breaks one. */
    public void validate() {
        TaskValidator.validate(this);
    }

    /** Replaces secrets in every free-text field, list and map (keys too) in place; returns how many it replaced. */
    public int redactSecrets() {
        return TaskRedaction.redact(this);
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getKey() {
        return key;
    }

    public void setKey(String key) {
        this.key = key;
        int dash = key == null ? -1 : key.lastIndexOf('-');
        this.keyNumber = dash < 0 ? 0 : Long.parseLong(key.substring(dash + 1));
    }

    /** The caller's own id for the task (an import source id, an idempotency key); unique when set. */
    public String getExternalId() {
        return externalId;
    }

    public void setExternalId(String externalId) {
        this.externalId = externalId;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getRole() {
        return role;
    }

    public void setRole(String role) {
        this.role = role;
    }

    public Priority getPriority() {
        return priority;
    }

    public void setPriority(Priority priority) {
        this.priority = priority;
        this.priorityRank = priority == null ? 0 : priority.ordinal() + 1;
    }

    public int getPriorityRank() {
        return priorityRank;
    }

    public long getKeyNumber() {
        return keyNumber;
    }

    public TaskState getState() {
        return state;
    }

    public void setState(TaskState state) {
        this.state = state;
    }

    public TaskState getPreviousState() {
        return previousState;
    }

    public void setPreviousState(TaskState previousState) {
        this.previousState = previousState;
    }

    public List<String> getTags() {
        return tags;
    }

    public void setTags(List<String> tags) {
        this.tags = tags == null ? new ArrayList<>() : new ArrayList<>(tags);
    }

    public String getAssignee() {
        return assignee;
    }

    public void setAssignee(String assignee) {
        this.assignee = assignee;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public void setCreatedBy(String createdBy) {
        this.createdBy = createdBy;
    }

    public String getProvider() {
        return provider;
    }

    public void setProvider(String provider) {
        this.provider = provider;
    }

    public String getModel() {
        return model;
    }

    public void setModel(String model) {
        this.model = model;
    }

    public String getRepositoryUrl() {
        return repositoryUrl;
    }

    public void setRepositoryUrl(String repositoryUrl) {
        this.repositoryUrl = repositoryUrl;
    }

    public String getBranch() {
        return branch;
    }

    public void setBranch(String branch) {
        this.branch = branch;
    }

    public String getBaseBranch() {
        return baseBranch;
    }

    public void setBaseBranch(String baseBranch) {
        this.baseBranch = baseBranch;
    }

    public String getWorktreePath() {
        return worktreePath;
    }

    public void setWorktreePath(String worktreePath) {
        this.worktreePath = worktreePath;
    }

    public String getCommitHash() {
        return commitHash;
    }

    public void setCommitHash(String commitHash) {
        this.commitHash = commitHash;
    }

    public String getTargetDir() {
        return targetDir;
    }

    public void setTargetDir(String targetDir) {
        this.targetDir = targetDir;
    }

    public boolean isFullAccess() {
        return fullAccess;
    }

    public void setFullAccess(boolean fullAccess) {
        this.fullAccess = fullAccess;
    }

    public String getProviderOverride() {
        return providerOverride;
    }

    public void setProviderOverride(String providerOverride) {
        this.providerOverride = providerOverride;
    }

    public Map<String, Object> getRequirements() {
        return requirements;
    }

    public void setRequirements(Map<String, Object> requirements) {
        this.requirements = requirements == null ? new LinkedHashMap<>() : new LinkedHashMap<>(requirements);
    }

    public Map<String, Object> getAcceptanceCriteria() {
        return acceptanceCriteria;
    }

    public void setAcceptanceCriteria(Map<String, Object> acceptanceCriteria) {
        this.acceptanceCriteria = acceptanceCriteria == null ? new LinkedHashMap<>() : new LinkedHashMap<>(acceptanceCriteria);
    }

    public List<String> getAffectedFiles() {
        return affectedFiles;
    }

    public void setAffectedFiles(List<String> affectedFiles) {
        this.affectedFiles = affectedFiles == null ? new ArrayList<>() : new ArrayList<>(affectedFiles);
    }

    public Integer getComplexityScore() {
        return complexityScore;
    }

    public void setComplexityScore(Integer complexityScore) {
        this.complexityScore = complexityScore;
    }

    public String getStoryId() {
        return storyId;
    }

    public void setStoryId(String storyId) {
        this.storyId = storyId;
    }

    public String getEpicId() {
        return epicId;
    }

    public void setEpicId(String epicId) {
        this.epicId = epicId;
    }

    public String getPersona() {
        return persona;
    }

    public void setPersona(String persona) {
        this.persona = persona;
    }

    public List<String> getDependsOn() {
        return dependsOn;
    }

    public void setDependsOn(List<String> dependsOn) {
        this.dependsOn = dependsOn == null ? new ArrayList<>() : new ArrayList<>(dependsOn);
    }

    public List<String> getRelatedTo() {
        return relatedTo;
    }

    public void setRelatedTo(List<String> relatedTo) {
        this.relatedTo = relatedTo == null ? new ArrayList<>() : new ArrayList<>(relatedTo);
    }

    public String getLastError() {
        return attempts.lastError();
    }

    public void setLastError(String lastError) {
        attempts.lastError(lastError);
    }

    public int getErrorCount() {
        return attempts.errorCount();
    }

    public void setErrorCount(int errorCount) {
        attempts.errorCount(errorCount);
    }

    public int getAttempt() {
        return attempts.attempt();
    }

    public void setAttempt(int attempt) {
        attempts.attempt(attempt);
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(Instant createdAt) {
        this.createdAt = createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public void setUpdatedAt(Instant updatedAt) {
        this.updatedAt = updatedAt;
    }

    public Instant getStartedAt() {
        return times.startedAt();
    }

    public void setStartedAt(Instant startedAt) {
        times.startedAt(startedAt);
    }

    public Instant getCompletedAt() {
        return times.completedAt();
    }

    public void setCompletedAt(Instant completedAt) {
        times.completedAt(completedAt);
    }

    public Instant getArchivedAt() {
        return times.archivedAt();
    }

    public void setArchivedAt(Instant archivedAt) {
        times.archivedAt(archivedAt);
    }

    public Instant getHeartbeatAt() {
        return times.heartbeatAt();
    }

    public void setHeartbeatAt(Instant heartbeatAt) {
        times.heartbeatAt(heartbeatAt);
    }

    public Map<String, Object> getMetadata() {
        return metadata;
    }

    public void setMetadata(Map<String, Object> metadata) {
        this.metadata = metadata == null ? new LinkedHashMap<>() : new LinkedHashMap<>(metadata);
    }

    public long getVersion() {
        return version;
    }

    public void setVersion(long version) {
        this.version = version;
    }

    public int getSchemaVersion() {
        return schemaVersion;
    }

    public void setSchemaVersion(int schemaVersion) {
        this.schemaVersion = schemaVersion;
    }

    public long getHistorySeq() {
        return sequences.historySeq();
    }

    public void setHistorySeq(long historySeq) {
        sequences.historySeq(historySeq);
    }

    public String getHistoryHash() {
        return sequences.historyHash();
    }

    public void setHistoryHash(String historyHash) {
        sequences.historyHash(historyHash);
    }

    public long getOutputSeq() {
        return sequences.outputSeq();
    }

    public void setOutputSeq(long outputSeq) {
        sequences.outputSeq(outputSeq);
    }

    @Override
    public String toString() {
        return key + " " + state + " " + title;
    }
}

package io.taskvault.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.taskvault.task.Priority;
import io.taskvault.task.TaskDraft;

/** Test builder: {@code aTask().withRole("backend").withTags("api").build()}. */
public final class TaskDrafts {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    private String title = "Implement feature " + COUNTER.incrementAndGet();
    private String description = "Make the thing work end to end";
    private String role = "backend";
    private Priority priority = Priority.MEDIUM;
    private List<String> tags = new ArrayList<>();
    private String provider = "claude";
    private String model = "sonnet";
    private String createdBy;
    private Integer complexity = 3;
    private Map<String, Object> metadata = new LinkedHashMap<>();
    private List<String> dependsOn = List.of();
    private String storyId = "STORY-1";
    private String epicId = "EPIC-1";
    private String persona = "developer";

    private TaskDrafts() {
    }

    public static TaskDrafts aTask() {
        return new TaskDrafts();
    }

    public TaskDrafts titled(String value) {
        this.title = value;
        return this;
    }

    public TaskDrafts describedAs(String value) {
        this.description = value;
        return this;
    }

    public TaskDrafts withRole(String value) {
        this.role = value;
        return this;
    }

    public TaskDrafts withPriority(Priority value) {
        this.priority = value;
        return this;
    }

    public TaskDrafts withTags(String... values) {
        this.tags = List.of(values);
        return this;
    }

    public TaskDrafts withProvider(String value) {
        this.provider = value;
        return this;
    }

    public TaskDrafts createdBy(String value) {
        this.createdBy = value;
        return this;
    }

    public TaskDrafts withComplexity(Integer value) {
        this.complexity = value;
        return this;
    }

    public TaskDrafts withMetadata(String key, Object value) {
        this.metadata.put(key, value);
        return this;
    }

    public TaskDrafts dependingOn(String... references) {
        this.dependsOn = List.of(references);
        return this;
    }

    public TaskDrafts inStory(String value) {
        this.storyId = value;
        return this;
    }

    public TaskDrafts inEpic(String value) {
        this.epicId = value;
        return this;
    }

    public TaskDrafts forPersona(String value) {
        this.persona = value;
        return this;
    }

    public TaskDraft build() {
        return TaskDraft.builder(title).description(description).role(role).priority(priority).tags(tags)
                .createdBy(createdBy).ai(provider, model).repository("https://git.example.com/app.git", "feature/x", "main")
                .targetDir(".").fullAccess(false).requirements(Map.of("story", "As a user I want it"))
                .acceptanceCriteria(Map.of("done", "tests pass")).affectedFiles(List.of("src/App.java"))
                .complexityScore(complexity).groups(storyId, epicId, persona).dependsOn(dependsOn).relatedTo(List.of())
                .metadata(metadata).build();
    }
}

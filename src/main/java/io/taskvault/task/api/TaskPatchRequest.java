package io.taskvault.task.api;

import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.openapitools.jackson.nullable.JsonNullable;

import io.swagger.v3.oas.annotations.media.Schema;
import io.taskvault.task.Priority;

/**
 * What {@code PATCH /api/tasks/{id}} takes: the editable fields to change. A field left out keeps its value; a field
 * sent as {@code null} is cleared (a priority goes back to MEDIUM, a list or object becomes empty).
 */
@Schema(name = "TaskPatchRequest",
        description = "The editable fields to change: a field left out is kept, a field sent as null is cleared")
public record TaskPatchRequest(
        JsonNullable<String> title, JsonNullable<String> description, JsonNullable<String> role,
        JsonNullable<Priority> priority, JsonNullable<List<String>> tags, JsonNullable<String> assignee,
        JsonNullable<String> provider, JsonNullable<String> model, JsonNullable<String> repositoryUrl,
        JsonNullable<String> branch, JsonNullable<String> baseBranch, JsonNullable<String> worktreePath,
        JsonNullable<String> commitHash, JsonNullable<String> targetDir, JsonNullable<Boolean> fullAccess,
        JsonNullable<String> providerOverride, JsonNullable<Map<String, Object>> requirements,
        JsonNullable<Map<String, Object>> acceptanceCriteria, JsonNullable<List<String>> affectedFiles,
        JsonNullable<Integer> complexityScore, JsonNullable<String> storyId, JsonNullable<String> epicId,
        JsonNullable<String> persona,
        @Schema(description = "Keys or ids of the tasks this one waits for; each must exist")
        JsonNullable<List<String>> dependsOn,
        JsonNullable<List<String>> relatedTo, JsonNullable<Map<String, Object>> metadata) {

    /** The fields the request names, each with its value ({@code null} for a field to clear). */
    public Map<String, Object> changes() {
        Map<String, Object> changes = new LinkedHashMap<>();
        for (RecordComponent component : TaskPatchRequest.class.getRecordComponents()) {
            JsonNullable<?> value = valueOf(component);
            if (value != null && value.isPresent()) {
                changes.put(component.getName(), value.get());
            }
        }
        return changes;
    }

    private JsonNullable<?> valueOf(RecordComponent component) {
        try {
            return (JsonNullable<?>) component.getAccessor().invoke(this);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + component.getName(), e);
        }
    }
}

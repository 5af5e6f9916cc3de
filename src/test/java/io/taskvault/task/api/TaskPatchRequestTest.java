package io.taskvault.task.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.lang.reflect.RecordComponent;

import org.junit.jupiter.api.Test;
import org.openapitools.jackson.nullable.JsonNullable;

import io.taskvault.task.Task;
import tools.jackson.databind.json.JsonMapper;

/** A PATCH body tells a field sent as null (clear it) from a field left out (keep it), for every editable field. */
class TaskPatchRequestTest {

    private final JsonMapper mapper = JsonMapper.builder().findAndAddModules().build();

    @Test
    void namesExactlyTheTasksEditableFields() {
        assertThat(Arrays.stream(TaskPatchRequest.class.getRecordComponents()).map(RecordComponent::getName))
                .containsExactlyInAnyOrderElementsOf(Task.editableFields());
        assertThat(Arrays.stream(TaskPatchRequest.class.getRecordComponents()).map(RecordComponent::getType))
                .containsOnly(JsonNullable.class);
    }

    @Test
    void changesHoldTheFieldsSentWithNullForTheOnesToClear() {
        TaskPatchRequest request = mapper.readValue("{\"assignee\":null,\"title\":\"New\",\"tags\":[\"a\"]}",
                TaskPatchRequest.class);

        assertThat(request.changes()).containsOnlyKeys("assignee", "title", "tags")
                .containsEntry("assignee", null).containsEntry("title", "New");
        assertThat(request.changes().get("tags")).isEqualTo(java.util.List.of("a"));
    }

    @Test
    void anEmptyBodyChangesNothing() {
        assertThat(mapper.readValue("{}", TaskPatchRequest.class).changes()).isEmpty();
    }
}

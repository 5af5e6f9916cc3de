package io.taskvault.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.taskvault.task.Priority;
import io.taskvault.task.Task;
import io.taskvault.task.TaskState;
import tools.jackson.databind.json.JsonMapper;

/** A JSON-lines export row is one flat object whose names and order match the CSV header, cell for cell. */
class ExportedTaskJsonTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void writesTheHeadersNamesInTheHeadersOrder() {
        ExportedTask row = ExportedTask.of(everyFieldSet(), List.of("TV-41"));

        List<String> names = new ArrayList<>(JSON.valueToTree(row).propertyNames());

        assertThat(names).containsExactly(ExportedTask.HEADER);
    }

    @Test
    void writesEveryValueAsTheExportAlwaysHas() {
        String line = JSON.writeValueAsString(ExportedTask.of(everyFieldSet(), List.of("TV-41", "TV-40")));

        assertThat(line).isEqualTo("{\"key\":\"TV-42\",\"title\":\"Add the login page\",\"state\":\"FAILED\","
                + "\"priority\":\"HIGH\",\"role\":\"developer\",\"provider\":\"claude\",\"model\":\"opus\","
                + "\"assignee\":\"ann\",\"tags\":[\"web\",\"auth\"],\"storyId\":\"S-1\",\"epicId\":\"E-1\","
                + "\"persona\":\"reviewer\",\"createdBy\":\"bob\",\"createdAt\":\"2026-12-05T09:00:00Z\","
                + "\"updatedAt\":\"2026-12-05T11:00:00Z\",\"startedAt\":\"2026-12-05T10:00:00Z\","
                + "\"completedAt\":\"2026-12-05T10:30:00Z\",\"dependencies\":[\"TV-41\",\"TV-40\"],\"attempt\":2,"
                + "\"lastError\":\"timed out\",\"externalId\":\"ext-7\",\"id\":\"0b5e\"}");
    }

    @Test
    void givesTheCsvCellsInTheHeadersOrderWithListsJoined() {
        Object[] cells = ExportedTask.of(everyFieldSet(), List.of("TV-41", "TV-40")).values();

        assertThat(cells).hasSameSizeAs(ExportedTask.HEADER).containsExactly("TV-42", "Add the login page", "FAILED",
                "HIGH", "developer", "claude", "opus", "ann", "web; auth", "S-1", "E-1", "reviewer", "bob",
                Instant.parse("2026-12-05T09:00:00Z"), Instant.parse("2026-12-05T11:00:00Z"),
                Instant.parse("2026-12-05T10:00:00Z"), Instant.parse("2026-12-05T10:30:00Z"), "TV-41; TV-40", 2,
                "timed out", "ext-7", "0b5e");
    }

    @Test
    void leavesAbsentValuesEmptyAndListsEmpty() {
        Task bare = new Task();
        bare.setId("0b5e");
        bare.setTags(null);

        ExportedTask row = ExportedTask.of(bare, List.of());

        assertThat(new ArrayList<>(JSON.valueToTree(row).propertyNames())).containsExactly(ExportedTask.HEADER);
        assertThat(row.values()[8]).isEqualTo("");
        assertThat(row.values()[17]).isEqualTo("");
        assertThat(row.values()[21]).isEqualTo("0b5e");
    }

    private static Task everyFieldSet() {
        Task task = new Task();
        task.setId("0b5e");
        task.setKey("TV-42");
        task.setExternalId("ext-7");
        task.setTitle("Add the login page");
        task.setState(TaskState.FAILED);
        task.setPriority(Priority.HIGH);
        task.setRole("developer");
        task.setProvider("claude");
        task.setModel("opus");
        task.setAssignee("ann");
        task.setTags(List.of("web", "auth"));
        task.setStoryId("S-1");
        task.setEpicId("E-1");
        task.setPersona("reviewer");
        task.setCreatedBy("bob");
        task.setCreatedAt(Instant.parse("2026-12-05T09:00:00Z"));
        task.setUpdatedAt(Instant.parse("2026-12-05T11:00:00Z"));
        task.setStartedAt(Instant.parse("2026-12-05T10:00:00Z"));
        task.setCompletedAt(Instant.parse("2026-12-05T10:30:00Z"));
        task.setAttempt(2);
        task.setLastError("timed out");
        return task;
    }
}

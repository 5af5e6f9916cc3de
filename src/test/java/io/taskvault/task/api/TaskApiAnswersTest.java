package io.taskvault.task.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import io.taskvault.security.SecuredWebSlice;
import io.taskvault.task.Priority;
import io.taskvault.task.Task;
import io.taskvault.task.TaskNotFoundException;
import io.taskvault.task.web.WebFixtures;
import io.taskvault.task.TaskService;
import io.taskvault.task.TaskState;
import io.taskvault.task.VersionMismatchException;

/** What the task endpoints answer: the API's own record, never the stored document, and honest error statuses. */
@WebMvcTest(TaskApiController.class)
@SecuredWebSlice
@Import(WebFixtures.FixedClock.class)
class TaskApiAnswersTest {

    @Autowired
    MockMvc mvc;
    @MockitoBean
    TaskService tasks;

    @Test
    void aTaskIsAnsweredWithoutHowTheStoreKeepsIt() throws Exception {
        given(tasks.get("TV-7")).willReturn(aStoredTask());

        mvc.perform(get("/api/tasks/TV-7"))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"5\""))
                .andExpect(jsonPath("$.key").value("TV-7"))
                .andExpect(jsonPath("$.state").value("RUNNING"))
                .andExpect(jsonPath("$.version").value(5))
                .andExpect(jsonPath("$.historyCount").value(5))
                .andExpect(jsonPath("$.outputCount").value(2))
                .andExpect(jsonPath("$.links.history").value("/api/tasks/id-7/history"))
                .andExpect(content().string(not(containsString("historyHash"))))
                .andExpect(content().string(not(containsString("priorityRank"))))
                .andExpect(content().string(not(containsString("keyNumber"))))
                .andExpect(content().string(not(containsString("historySeq"))))
                .andExpect(content().string(not(containsString("outputSeq"))))
                .andExpect(content().string(not(containsString("schemaVersion"))))
                .andExpect(content().string(not(containsString("9f86d081"))));
    }

    @Test
    void aProgrammingErrorInsideTheServiceIsOurFaultNotTheCallers() throws Exception {
        given(tasks.get(anyString())).willThrow(new IllegalArgumentException("index -1 out of range for the secret list"));

        mvc.perform(get("/api/tasks/TV-7"))
                .andExpect(status().isInternalServerError())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Internal error"))
                .andExpect(content().string(not(containsString("secret list"))));
    }

    @Test
    void eachRefusalIsAnsweredWithTheStatusOfItsKind() throws Exception {
        given(tasks.get("TV-404")).willThrow(new TaskNotFoundException("TV-404"));
        given(tasks.update(eq("TV-7"), anyMap(), any(), eq(3L))).willThrow(new VersionMismatchException("TV-7", 3, 5));

        mvc.perform(get("/api/tasks/TV-404"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.title").value("Task not found"))
                .andExpect(jsonPath("$.detail").value("No task TV-404 exists"));
        mvc.perform(patch("/api/tasks/TV-7").header("If-Match", "\"3\"").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\": \"New\"}"))
                .andExpect(status().isPreconditionFailed())
                .andExpect(jsonPath("$.title").value("Version mismatch"));
    }

    private static Task aStoredTask() {
        Task task = new Task();
        task.setId("id-7");
        task.setKey("TV-7");
        task.setTitle("Write the parser");
        task.setPriority(Priority.HIGH);
        task.setState(TaskState.RUNNING);
        task.setTags(List.of("parser"));
        task.setCreatedAt(Instant.parse("2026-12-05T10:00:00Z"));
        task.setUpdatedAt(Instant.parse("2026-12-05T10:05:00Z"));
        task.setVersion(5);
        task.setHistorySeq(5);
        task.setHistoryHash("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
        task.setOutputSeq(2);
        return task;
    }
}

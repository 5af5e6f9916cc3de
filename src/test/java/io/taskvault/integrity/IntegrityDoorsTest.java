package io.taskvault.integrity;

import static io.taskvault.support.TaskDrafts.aTask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.shell.test.ShellScreen;
import org.springframework.shell.test.ShellTestClient;
import org.springframework.test.web.servlet.MockMvc;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

import io.taskvault.recovery.OpsDoorsTest;
import io.taskvault.task.Task;
import io.taskvault.task.TaskService;

/** The integrity check through REST and the shell: a clean run, a run that finds an edited task, the last report. */
@OpsDoorsTest
class IntegrityDoorsTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ShellTestClient shell;
    @Autowired
    TaskService tasks;
    @Autowired
    MongoTemplate mongo;

    private static String text(ShellScreen screen) {
        return String.join("\n", screen.lines());
    }

    @Test
    void restRunsTheCheckReportsAnEditedTaskAndKeepsTheReport() throws Exception {
        Task task = tasks.create(aTask().build(), "test");
        mongo.getCollection(Task.COLLECTION).updateOne(Filters.eq("_id", task.getId()), Updates.set("title", "edited"));

        mvc.perform(post("/api/integrity/verify")).andExpect(status().isOk())
                .andExpect(jsonPath("$.findings[?(@.taskKey == '" + task.getKey() + "')].kind",
                        Matchers.hasItem("PROJECTION")));
        mvc.perform(get("/api/integrity")).andExpect(status().isOk())
                .andExpect(jsonPath("$.checked").value(Matchers.greaterThan(0)));
    }

    @Test
    void shellListsEachProblemOnItsOwnLineAndShowsTheLastCheck() throws Exception {
        Task task = tasks.create(aTask().build(), "test");
        mongo.getCollection(Task.COLLECTION).updateOne(Filters.eq("_id", task.getId()), Updates.set("title", "changed"));

        String screen = text(shell.sendCommand("integrity verify"));

        assertThat(screen).containsPattern("\\d+ problems in \\d+ tasks checked in \\d+ ms")
                .contains("  " + task.getKey() + " PROJECTION: field 'title': its events say '" + task.getTitle()
                        + "', the task has 'changed'");
        assertThat(text(shell.sendCommand("integrity status"))).startsWith("last check ").contains(task.getKey());
    }
}

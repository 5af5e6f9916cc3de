package io.taskvault.graph.api;

import static io.taskvault.support.TaskDrafts.aTask;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import io.taskvault.support.EmbeddedStoreTest;
import io.taskvault.task.Task;
import io.taskvault.task.TaskService;

/** Edges, refusals and "next" through the REST door. */
@EmbeddedStoreTest
class GraphApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TaskService tasks;

    @Test
    void addsAnEdgeRefusesTheCycleAsABadRequestAndAnswersNext() throws Exception {
        String role = "api-" + System.nanoTime();
        Task a = tasks.create(aTask().withRole(role).build(), "test");
        Task b = tasks.create(aTask().withRole(role).build(), "test");
        mvc.perform(post("/api/graph/edges").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"from\":\"" + a.getKey() + "\",\"type\":\"blocks\",\"to\":\"" + b.getKey() + "\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.id").value(a.getId() + "|blocks|" + b.getId()));
        mvc.perform(post("/api/graph/edges").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"from\":\"" + b.getKey() + "\",\"type\":\"blocks\",\"to\":\"" + a.getKey() + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString(b.getKey() + " → " + a.getKey() + " → " + b.getKey())));
        mvc.perform(post("/api/graph/edges").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"from\":\"" + a.getKey() + "\",\"type\":\"follows\",\"to\":\"" + b.getKey() + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.type").value(containsString("use one of blocks, relates-to, subtask-of")));
        mvc.perform(post("/api/graph/edges").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"from\":\"" + a.getKey() + "\",\"to\":\"" + b.getKey() + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.type").value("an edge needs a type: one of blocks, relates-to, subtask-of"));

        mvc.perform(get("/api/tasks/next").param("role", role)).andExpect(status().isOk())
                .andExpect(jsonPath("$.task.key").value(a.getKey()))
                .andExpect(jsonPath("$.unblocks[0]").value(b.getKey()))
                .andExpect(jsonPath("$.explanation").value(containsString("unblocks 1 task")));
        mvc.perform(get("/api/graph/tasks/" + b.getKey() + "/upstream")).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].key").value(a.getKey()));
    }
}

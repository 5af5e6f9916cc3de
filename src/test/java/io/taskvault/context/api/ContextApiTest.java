package io.taskvault.context.api;

import static io.taskvault.support.TaskDrafts.aTask;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import io.taskvault.support.EmbeddedStoreTest;
import io.taskvault.task.Task;
import io.taskvault.task.TaskService;

/** Context records, the prompt context and the health score through the REST door. */
@EmbeddedStoreTest
class ContextApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TaskService tasks;

    @Test
    void returnsObjectBodiesAndSuggestionMapsAsJsonObjectsAndTextAsText() throws Exception {
        Task task = tasks.create(aTask().build(), "test");
        String base = "/api/tasks/" + task.getKey();
        mvc.perform(post(base + "/context/ai-interactions").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"agent\":\"codegen\",\"type\":\"prompt\",\"request\":{\"prompt\":\"Generate views\","
                                + "\"context\":\"Django\"},\"response\":\"plain text\",\"success\":true}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.request.prompt").value("Generate views"));
        mvc.perform(post(base + "/context/validations").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"type\":\"security\",\"validator\":\"bandit\",\"status\":\"PASSED\","
                                + "\"suggestions\":{\"improvements\":[\"Add input sanitization\"]}}"))
                .andExpect(status().isCreated());

        mvc.perform(get(base + "/context/ai-interactions/1")).andExpect(status().isOk())
                .andExpect(jsonPath("$.request.context").value("Django"))
                .andExpect(jsonPath("$.response").value("plain text"));
        mvc.perform(get(base + "/context/validations/1")).andExpect(status().isOk())
                .andExpect(jsonPath("$.suggestions.improvements[0]").value("Add input sanitization"));
        MvcResult body = mvc.perform(get(base + "/context/ai-interactions/1/request")).andExpect(request().asyncStarted())
                .andReturn();
        mvc.perform(asyncDispatch(body)).andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.prompt").value("Generate views"));
        mvc.perform(post(base + "/context/ai-interactions").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"agent\":\"codegen\",\"type\":\"prompt\",\"request\":[1,2],\"success\":true}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.request").value("must be text or a JSON object"));
    }

    @Test
    void addsListsAndFetchesRecordsAndExportsThePromptContext() throws Exception {
        Task task = tasks.create(aTask().build(), "test");
        String base = "/api/tasks/" + task.getKey();
        mvc.perform(post(base + "/context/validations").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"type\":\"tests\",\"validator\":\"junit\",\"status\":\"FAILED\",\"score\":40,"
                                + "\"suggestions\":[\"Fix the lock-out\"]}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.id").value(task.getId() + ":1"));
        mvc.perform(post(base + "/context/ai-interactions").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"agent\":\"codegen\",\"type\":\"prompt\",\"request\":\"Write it\",\"response\":\"Done\","
                                + "\"tokens\":12,\"durationMs\":30,\"success\":true,\"sessionId\":\"s1\"}"))
                .andExpect(status().isCreated());

        mvc.perform(get(base + "/context/validations")).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].validator").value("junit"));
        mvc.perform(get(base + "/context/metrics/9")).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value(containsString("no metrics record #9")));
        mvc.perform(post(base + "/context/metrics").contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"x\",\"speed\":3}"))
                .andExpect(status().isBadRequest());
        MvcResult body = mvc.perform(get(base + "/context/ai-interactions/1/request")).andExpect(request().asyncStarted()).andReturn();
        mvc.perform(asyncDispatch(body)).andExpect(content().string("Write it"));

        mvc.perform(get(base + "/prompt-context").param("tokens", "500")).andExpect(status().isOk())
                .andExpect(content().string(startsWith("# " + task.getKey())))
                .andExpect(content().string(containsString("Fix the lock-out")));
        mvc.perform(get(base + "/context-health")).andExpect(status().isOk())
                .andExpect(jsonPath("$.reasons[0].code").value("failing-validations"));
    }
}

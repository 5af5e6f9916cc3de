package io.taskvault.task.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import com.jayway.jsonpath.JsonPath;

import io.taskvault.support.EmbeddedStoreTest;

/** Round trips through the minimal REST door, and its problem details for bad input. */
@EmbeddedStoreTest
@AutoConfigureMockMvc
class TaskApiTest {

    @Autowired
    MockMvc mvc;

    @Test
    void createsATaskAndReadsItBackByIdAndKey() throws Exception {
        MvcResult created = mvc.perform(post("/api/tasks").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"Ship the API\",\"role\":\"backend\",\"priority\":\"HIGH\",\"tags\":[\"api\"]}"))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", matchesPattern("/api/tasks/[0-9a-f-]{36}")))
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.key").value(matchesPattern("TV-\\d+")))
                .andExpect(jsonPath("$.state").value("PENDING"))
                .andReturn();
        String id = JsonPath.read(created.getResponse().getContentAsString(), "$.id");
        String key = JsonPath.read(created.getResponse().getContentAsString(), "$.key");

        mvc.perform(get("/api/tasks/" + id)).andExpect(status().isOk()).andExpect(jsonPath("$.title").value("Ship the API"));
        mvc.perform(get("/api/tasks/" + key)).andExpect(status().isOk()).andExpect(jsonPath("$.id").value(id));
    }

    @Test
    void transitionsATaskAndRecordsItsHistory() throws Exception {
        String key = create("Run the build");
        mvc.perform(post("/api/tasks/" + key + "/transitions").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"to\":\"QUEUED\",\"actor\":\"orchestrator\",\"reason\":\"picked\",\"details\":{\"queue\":\"fast\"}}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.state").value("QUEUED"));

        mvc.perform(get("/api/tasks/history/" + key)).andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(2)))
                .andExpect(jsonPath("$[1].fromState").value("PENDING"))
                .andExpect(jsonPath("$[1].toState").value("QUEUED"))
                .andExpect(jsonPath("$[1].actor").value("orchestrator"))
                .andExpect(jsonPath("$[1].details.queue").value("fast"))
                .andExpect(jsonPath("$[1].hash").isString());
    }

    @Test
    void answersAnIllegalTransitionWithConflictAndTheAllowedStates() throws Exception {
        String key = create("Too early");
        mvc.perform(post("/api/tasks/" + key + "/transitions").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"to\":\"COMPLETED\"}"))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(containsString("allowed next: BLOCKED, CANCELLED, QUEUED")))
                .andExpect(jsonPath("$.allowed", hasSize(3)));
    }

    @Test
    void refusesAStaleIfMatchWithPreconditionFailed() throws Exception {
        String key = create("Conditional");
        mvc.perform(post("/api/tasks/" + key + "/transitions").header("If-Match", "\"7\"")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"to\":\"QUEUED\"}"))
                .andExpect(status().isPreconditionFailed());
        mvc.perform(post("/api/tasks/" + key + "/transitions").header("If-Match", "\"1\"")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"to\":\"QUEUED\"}"))
                .andExpect(status().isOk()).andExpect(header().string("ETag", "\"2\""));
    }

    @Test
    void addsAndListsOutputsAndStreamsTheirContent() throws Exception {
        String key = create("With output");
        mvc.perform(post("/api/tasks/outputs/" + key).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"type\":\"STDOUT\",\"content\":\"BUILD SUCCESS\\n\"}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.seq").value(1)).andExpect(jsonPath("$.size").value(14));

        mvc.perform(get("/api/tasks/outputs/" + key)).andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].type").value("STDOUT"));
        MvcResult content = mvc.perform(get("/api/tasks/outputs/" + key + "/1")).andReturn();
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch(content))
                .andExpect(status().isOk()).andExpect(content().string("BUILD SUCCESS\n"));
    }

    @Test
    void searchesWithFiltersAndReportsStatistics() throws Exception {
        String tag = "search" + System.nanoTime();
        mvc.perform(post("/api/tasks").contentType(MediaType.APPLICATION_JSON)
                .content("{\"title\":\"Find me please\",\"role\":\"qa\",\"tags\":[\"" + tag + "\"]}")).andExpect(status().isCreated());
        mvc.perform(post("/api/tasks").contentType(MediaType.APPLICATION_JSON)
                .content("{\"title\":\"Other\",\"role\":\"ops\",\"tags\":[\"" + tag + "\"]}")).andExpect(status().isCreated());

        mvc.perform(get("/api/tasks/persistent").param("tags", tag).param("roles", "qa").param("search", "FIND"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.tasks[0].title").value("Find me please"));
        mvc.perform(get("/api/tasks/persistent").param("tags", tag).param("states", "PENDING").param("limit", "1"))
                .andExpect(jsonPath("$.tasks", hasSize(1))).andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.nextCursor").isString());
        mvc.perform(get("/api/persistence/stats")).andExpect(status().isOk())
                .andExpect(jsonPath("$.byState.PENDING").isNumber()).andExpect(jsonPath("$.total").isNumber());
    }

    @Test
    void namesWhatIsWrongWithBadInput() throws Exception {
        mvc.perform(post("/api/tasks").contentType(MediaType.APPLICATION_JSON).content("{\"title\":\"\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.title").value("is required"));
        mvc.perform(post("/api/tasks").contentType(MediaType.APPLICATION_JSON).content("{\"title\":\"x\",\"colour\":\"red\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value(containsString("colour")));
        mvc.perform(post("/api/tasks").contentType(MediaType.APPLICATION_JSON).content("{\"title\":\"x\",\"priority\":\"URGENT\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value(containsString("priority")));
        mvc.perform(post("/api/tasks").contentType(MediaType.APPLICATION_JSON).content("{not json"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.title").value("Invalid input"));
        mvc.perform(get("/api/tasks/persistent").param("states", "DONE"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value(containsString("states")));
        mvc.perform(get("/api/tasks/persistent").param("limit", "100000"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.limit").exists());
        mvc.perform(get("/api/tasks/TV-987654321")).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value(containsString("TV-987654321")));
        mvc.perform(post("/api/tasks").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"x\",\"metadata\":{\"$where\":\"sleep(1000)\"}}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.metadata").exists());
    }

    private String create(String title) throws Exception {
        MvcResult result = mvc.perform(post("/api/tasks").contentType(MediaType.APPLICATION_JSON)
                .content("{\"title\":\"" + title + "\"}")).andExpect(status().isCreated()).andReturn();
        return JsonPath.read(result.getResponse().getContentAsString(), "$.key");
    }
}

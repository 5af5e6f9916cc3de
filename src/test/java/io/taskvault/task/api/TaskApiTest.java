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
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import com.jayway.jsonpath.JsonPath;

import io.taskvault.support.EmbeddedStoreTest;

/** Round trips through the minimal REST door, and its problem details for bad input. */
@EmbeddedStoreTest
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
        mvc.perform(get("/api/tasks/persistent").param("tags", tag).param("states", "PENDING").param("limit", "2"))
                .andExpect(jsonPath("$.tasks", hasSize(2))).andExpect(jsonPath("$.nextCursor").doesNotExist());
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

    @Test
    void searchTakesEveryDoorsWordsInAnyCaseAndTheSourceDesignsSpellings() throws Exception {
        String tag = "words" + System.nanoTime();
        String key = create("Word search " + tag);
        mvc.perform(post("/api/tasks/" + key + "/transitions").contentType(MediaType.APPLICATION_JSON)
                .content("{\"to\":\"queued\"}")).andExpect(status().isOk());
        mvc.perform(post("/api/tasks/" + key + "/transitions").contentType(MediaType.APPLICATION_JSON)
                .content("{\"to\":\"In-Progress\"}")).andExpect(status().isOk()).andExpect(jsonPath("$.state").value("RUNNING"));

        for (String[] filter : new String[][] {{"states", "in_progress"}, {"state", "running"}, {"states", "In-Progress"}}) {
            mvc.perform(get("/api/tasks").param(filter[0], filter[1]).param("q", tag).param("sort", "priority"))
                    .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(1));
        }
        mvc.perform(get("/api/tasks").param("state", "pending").param("text", tag)).andExpect(jsonPath("$.total").value(0));
    }

    @Test
    void anUnknownParameterOrWordIsRefusedAndNamedWithTheClosestOne() throws Exception {
        mvc.perform(get("/api/tasks").param("stat", "RUNNING")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.stat").value(containsString("did you mean 'state'?")));
        mvc.perform(get("/api/tasks").param("states", "runing")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("did you mean 'RUNNING'?")));
        mvc.perform(get("/api/tasks").param("sort", "colour")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.sort").value(containsString("'colour' is not one of")));
    }

    @Test
    void aBodyNamesEveryBadFieldAtOnceInTheApisOwnWords() throws Exception {
        mvc.perform(post("/api/tasks").contentType(MediaType.APPLICATION_JSON).content("{\"title\":\"x\",\"priority\":3}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.priority").value(containsString("a name, not a number")));
        mvc.perform(post("/api/tasks").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"x\",\"priority\":\"URGENT\",\"tags\":5,\"dependsOn\":{\"a\":1},\"colour\":1}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.priority").value(containsString("'URGENT' is not one of LOW, MEDIUM, HIGH, CRITICAL")))
                .andExpect(jsonPath("$.errors.tags").value(containsString("must be a list of text")))
                .andExpect(jsonPath("$.errors.dependsOn").value(containsString("must be a list of text")))
                .andExpect(jsonPath("$.errors.colour").value(containsString("is not a field")))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.not(containsString("io.taskvault"))));
        mvc.perform(post("/api/tasks").contentType(MediaType.APPLICATION_JSON).content("{\"title\":\"Lower\",\"priority\":\"high\"}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.priority").value("HIGH"));
        mvc.perform(post("/api/tasks/batch").contentType(MediaType.APPLICATION_JSON)
                        .content("[{\"title\":\"ok\"},{\"title\":\"x\",\"priority\":\"nope\"}]"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors['[1].priority']").exists());
    }

    @Test
    void aBodyWithoutAJsonContentTypeIs415() throws Exception {
        mvc.perform(post("/api/tasks").contentType(MediaType.APPLICATION_FORM_URLENCODED).content("{\"title\":\"x\"}"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.detail").value(containsString("Content-Type: application/json")));
        mvc.perform(post("/api/tasks").content("{\"title\":\"x\"}")).andExpect(status().isUnsupportedMediaType());
    }

    @Test
    void aDependencyThatNamesNoTaskIsRefused() throws Exception {
        mvc.perform(post("/api/tasks").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"Dangling\",\"dependsOn\":[\"TV-999999\"]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("dependsOn: no task 'TV-999999' exists")));
        String key = create("Edited later");
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch("/api/tasks/" + key)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"dependsOn\":[\"TV-999999\"]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("dependsOn: no task 'TV-999999' exists")));
    }
}

package io.taskvault.task.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import com.jayway.jsonpath.JsonPath;

import io.taskvault.support.EmbeddedStoreTest;

/** The endpoints added for the full API: each one's success and error paths. */
@EmbeddedStoreTest
class TaskApiEndpointsTest {

    @Autowired
    MockMvc mvc;

    @Test
    void batchCreatesEachTaskOnItsOwnAndReportsEveryItem() throws Exception {
        mvc.perform(json(post("/api/tasks/batch"), "[{\"title\":\"one\"},{\"title\":\"\"},{\"title\":\"three\"}]"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(2)).andExpect(jsonPath("$.failed").value(1))
                .andExpect(jsonPath("$.items[0].status").value(201)).andExpect(jsonPath("$.items[0].task.key").isString())
                .andExpect(jsonPath("$.items[1].status").value(400)).andExpect(jsonPath("$.items[1].errors.title").value("is required"));
        mvc.perform(json(post("/api/tasks/batch"), "[{\"title\":\"all good\"}]")).andExpect(status().isCreated());
        mvc.perform(json(post("/api/tasks/batch"), "[{\"title\":\"\"}]")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.created").value(0));
    }

    @Test
    void batchOfMoreThanAThousandIsRefusedWith413NamingTheLimit() throws Exception {
        String tasks = "[" + String.join(",", java.util.Collections.nCopies(1_001, "{\"title\":\"x\"}")) + "]";
        mvc.perform(json(post("/api/tasks/batch"), tasks)).andExpect(status().isContentTooLarge())
                .andExpect(jsonPath("$.limit").value(1000)).andExpect(jsonPath("$.detail").value(containsString("at most 1000")));
        mvc.perform(json(post("/api/tasks/batch"), "[]")).andExpect(status().isBadRequest());
    }

    @Test
    void patchChangesFieldsAndRefusesAStaleIfMatch() throws Exception {
        String key = create("Patch me");
        mvc.perform(json(patch("/api/tasks/" + key), "{\"title\":\"Patched\",\"priority\":\"HIGH\"}").header("If-Match", "\"1\""))
                .andExpect(status().isOk()).andExpect(header().string("ETag", "\"2\""))
                .andExpect(jsonPath("$.title").value("Patched")).andExpect(jsonPath("$.priority").value("HIGH"));
        mvc.perform(json(patch("/api/tasks/" + key), "{\"title\":\"Lost\"}").header("If-Match", "\"1\""))
                .andExpect(status().isPreconditionFailed());
        mvc.perform(json(patch("/api/tasks/" + key), "{\"title\":\"x\"}").header("If-Match", "yesterday"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors['If-Match']").exists());
        mvc.perform(json(patch("/api/tasks/" + key), "{\"colour\":\"red\"}")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("colour")));
        mvc.perform(json(patch("/api/tasks/TV-99999999"), "{\"title\":\"x\"}")).andExpect(status().isNotFound());
    }

    @Test
    void patchClearsAFieldSentAsNullAndKeepsTheFieldsLeftOut() throws Exception {
        MvcResult created = mvc.perform(json(post("/api/tasks"),
                        "{\"title\":\"Owned\",\"assignee\":\"ana\",\"priority\":\"HIGH\",\"tags\":[\"keep\"]}"))
                .andExpect(status().isCreated()).andReturn();
        String key = JsonPath.read(created.getResponse().getContentAsString(), "$.key");

        mvc.perform(json(patch("/api/tasks/" + key), "{\"assignee\":null,\"priority\":\"low\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.assignee").doesNotExist())
                .andExpect(jsonPath("$.priority").value("LOW"))
                .andExpect(jsonPath("$.title").value("Owned"))
                .andExpect(jsonPath("$.tags[0]").value("keep"));
        mvc.perform(json(patch("/api/tasks/" + key), "{\"tags\":null}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.tags", hasSize(0)))
                .andExpect(jsonPath("$.priority").value("LOW"));
        mvc.perform(json(patch("/api/tasks/" + key), "{}")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.fields").exists());
    }

    @Test
    void patchNamesEveryBadFieldAndSuggestsTheOneMeant() throws Exception {
        String key = create("Misspelt");
        mvc.perform(json(patch("/api/tasks/" + key), "{\"asignee\":\"ana\",\"priority\":\"URGENT\",\"fullAccess\":\"maybe\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.asignee").value(containsString("did you mean 'assignee'")))
                .andExpect(jsonPath("$.errors.priority").exists())
                .andExpect(jsonPath("$.errors.fullAccess").value("must be true or false"));
        mvc.perform(json(patch("/api/tasks/" + key), "{\"title\":1e999999}")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.title").value("must be text"));
        mvc.perform(get("/api/tasks/" + key)).andExpect(jsonPath("$.priority").value("MEDIUM"))
                .andExpect(jsonPath("$.title").value("Misspelt"));
    }

    @Test
    void retrySendsAFailedTaskBackToPendingAndRefusesAPendingOne() throws Exception {
        String key = create("Flaky");
        mvc.perform(post("/api/tasks/" + key + "/retry")).andExpect(status().isConflict());
        for (String state : new String[] {"QUEUED", "RUNNING", "FAILED"}) {
            mvc.perform(json(post("/api/tasks/" + key + "/transitions"), "{\"to\":\"" + state + "\"}")).andExpect(status().isOk());
        }
        mvc.perform(json(post("/api/tasks/" + key + "/retry"), "{\"reason\":\"network blip\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.state").value("PENDING"));
    }

    @Test
    void restoreBringsBackAnArchivedTaskAndRefusesOneThatIsNot() throws Exception {
        String key = create("Old news");
        mvc.perform(post("/api/tasks/" + key + "/restore")).andExpect(status().isConflict());
        for (String state : new String[] {"QUEUED", "RUNNING", "FAILED", "ARCHIVED"}) {
            mvc.perform(json(post("/api/tasks/" + key + "/transitions"), "{\"to\":\"" + state + "\"}")).andExpect(status().isOk());
        }
        mvc.perform(post("/api/tasks/" + key + "/restore")).andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("FAILED"));
    }

    @Test
    void notesGoIntoTheHistoryAndAnEmptyNoteIsRefused() throws Exception {
        String key = create("Annotated");
        mvc.perform(json(post("/api/tasks/" + key + "/notes"), "{\"text\":\"checked the logs\",\"actor\":\"reviewer\"}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.type").value("NOTE"))
                .andExpect(jsonPath("$.actor").value("reviewer"));
        mvc.perform(get("/api/tasks/" + key + "/history")).andExpect(jsonPath("$", hasSize(2)));
        mvc.perform(json(post("/api/tasks/" + key + "/notes"), "{\"text\":\"  \"}")).andExpect(status().isBadRequest());
    }

    @Test
    void outputsAreAddedAsJsonOrUploadedFilesListedAndStreamed() throws Exception {
        String key = create("Builds things");
        mvc.perform(json(post("/api/tasks/" + key + "/outputs"), "{\"type\":\"STDOUT\",\"content\":\"ok\\n\"}"))
                .andExpect(status().isCreated()).andExpect(header().string("Location", "/api/tasks/" + key + "/outputs/1"));
        MockMultipartFile file = new MockMultipartFile("file", "build.log", "text/plain", "line 1\nline 2\n".getBytes());
        mvc.perform(multipart("/api/tasks/" + key + "/outputs").file(file).param("type", "LOG"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.seq").value(2)).andExpect(jsonPath("$.filePath").value("build.log"));
        mvc.perform(get("/api/tasks/" + key + "/outputs")).andExpect(jsonPath("$", hasSize(2)));
        MvcResult stream = mvc.perform(get("/api/tasks/" + key + "/outputs/2")).andReturn();
        mvc.perform(asyncDispatch(stream)).andExpect(status().isOk()).andExpect(content().string("line 1\nline 2\n"));
        mvc.perform(get("/api/tasks/" + key + "/outputs/9")).andExpect(status().isNotFound());
        mvc.perform(multipart("/api/tasks/" + key + "/outputs").file(file).param("type", "SHOUTING"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void aRepeatedIdempotencyKeyReturnsTheFirstTaskInsteadOfADuplicate() throws Exception {
        String idempotencyKey = "retry-" + System.nanoTime();
        MvcResult first = mvc.perform(json(post("/api/tasks"), "{\"title\":\"Once\"}").header("Idempotency-Key", idempotencyKey))
                .andExpect(status().isCreated()).andReturn();
        String id = JsonPath.read(first.getResponse().getContentAsString(), "$.id");
        mvc.perform(json(post("/api/tasks"), "{\"title\":\"Once\"}").header("Idempotency-Key", idempotencyKey))
                .andExpect(status().isOk()).andExpect(header().string("Idempotent-Replayed", "true"))
                .andExpect(jsonPath("$.id").value(id));
        mvc.perform(json(post("/api/tasks"), "{\"title\":\"Twice\",\"externalId\":\"other\"}").header("Idempotency-Key", idempotencyKey))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors['Idempotency-Key']").exists());
    }

    @Test
    void aJsonBodyOverTheLimitIsRefusedWith413StatingIt() throws Exception {
        String huge = "{\"title\":\"big\",\"description\":\"" + "x".repeat(4 * 1024 * 1024 + 10) + "\"}";
        mvc.perform(json(post("/api/tasks"), huge)).andExpect(status().isContentTooLarge())
                .andExpect(jsonPath("$.limitBytes").value(4 * 1024 * 1024))
                .andExpect(jsonPath("$.detail").value(containsString("taskvault.api.max-json-body")));
    }

    @Test
    void operatorShapedParametersAndKeysAreRefused() throws Exception {
        mvc.perform(get("/api/tasks?states[$ne]=x")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("states[$ne]")));
        mvc.perform(get("/api/tasks?$where=1")).andExpect(status().isBadRequest());
        mvc.perform(post("/api/archive/run").contentType(MediaType.APPLICATION_FORM_URLENCODED).content("dryRun=true&a.b=1"))
                .andExpect(status().isBadRequest());
        mvc.perform(json(post("/api/tasks"), "{\"title\":\"x\",\"$where\":\"sleep(1)\"}")).andExpect(status().isBadRequest());
        mvc.perform(json(post("/api/tasks"), "{\"title\":\"x\",\"requirements\":{\"a.b\":1}}")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.requirements").exists());
        mvc.perform(get("/api/tasks").param("search", "{\"$gt\":\"\"}")).andExpect(status().isOk())
                .andExpect(jsonPath("$.tasks", hasSize(0)));
    }

    @Test
    void searchFiltersByPriorityAndUpdateWindowAndRefusesABadOrder() throws Exception {
        String tag = "win" + System.nanoTime();
        mvc.perform(json(post("/api/tasks"), "{\"title\":\"urgent\",\"priority\":\"CRITICAL\",\"tags\":[\"" + tag + "\"]}"))
                .andExpect(status().isCreated());
        mvc.perform(get("/api/tasks").param("tags", tag).param("priorities", "CRITICAL")
                        .param("updated_from", "2000-01-01T00:00:00Z").param("updated_to", "2999-01-01T00:00:00Z"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(1));
        mvc.perform(get("/api/tasks").param("tags", tag).param("updated_to", "2000-01-01T00:00:00Z"))
                .andExpect(jsonPath("$.total").value(0));
        mvc.perform(get("/api/tasks").param("order", "sideways")).andExpect(status().isBadRequest());
        mvc.perform(get("/api/tasks").param("limit", "0")).andExpect(status().isBadRequest());
    }

    private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder json(
            org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private String create(String title) throws Exception {
        MvcResult result = mvc.perform(json(post("/api/tasks"), "{\"title\":\"" + title + "\"}"))
                .andExpect(status().isCreated()).andReturn();
        return JsonPath.read(result.getResponse().getContentAsString(), "$.key");
    }
}

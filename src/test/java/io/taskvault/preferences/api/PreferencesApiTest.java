package io.taskvault.preferences.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.jayway.jsonpath.JsonPath;

import io.taskvault.support.EmbeddedStoreTest;

/** The REST door of saved views and defaults, each request as a signed-in VIEWER or OPERATOR of its own. */
@EmbeddedStoreTest
class PreferencesApiTest {

    @Autowired
    MockMvc mvc;

    private final String name = "api-" + UUID.randomUUID().toString().substring(0, 8);
    private final RequestPostProcessor viewer = user(name).roles("VIEWER");
    private final RequestPostProcessor operator = user(name).roles("OPERATOR", "VIEWER");

    @Test
    void aViewerSavesReadsOpensAndDeletesTheirOwnView() throws Exception {
        String role = name + "-role";
        String kept = create("{\"title\":\"kept\",\"role\":\"" + role + "\",\"priority\":\"HIGH\"}");
        create("{\"title\":\"low\",\"role\":\"" + role + "\",\"priority\":\"LOW\"}");
        create("{\"title\":\"other role\",\"priority\":\"HIGH\"}");

        mvc.perform(put("/api/views/high-mine").with(viewer).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"roles\":[\"" + role + "\"],\"priorities\":[\"high\"],\"sort\":\"key:asc\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.name").value("high-mine"))
                .andExpect(jsonPath("$.filter.roles[0]").value(role))
                .andExpect(jsonPath("$.filter.priorities[0]").value("HIGH"))
                .andExpect(jsonPath("$.filter.sort").value("key:asc"))
                .andExpect(jsonPath("$.tasks").value("/api/tasks?view=high-mine"));
        mvc.perform(get("/api/views").with(viewer)).andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(1))).andExpect(jsonPath("$[0].summary", containsString("priority HIGH")));
        mvc.perform(get("/api/tasks").param("view", "high-mine").with(viewer)).andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1)).andExpect(jsonPath("$.tasks[0].key").value(kept));
        mvc.perform(get("/api/tasks").param("view", "high-mine").param("priority", "LOW").with(viewer))
                .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.tasks[0].title").value("low"));
        mvc.perform(get("/api/views").with(user(name + "-else").roles("VIEWER"))).andExpect(jsonPath("$", hasSize(0)));

        mvc.perform(delete("/api/views/high-mine").with(viewer)).andExpect(status().isNoContent());
        mvc.perform(get("/api/views/high-mine").with(viewer)).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail", containsString("no saved view 'high-mine'")));
    }

    @Test
    void anUnknownViewOrFilterIsRefusedNamingIt() throws Exception {
        mvc.perform(put("/api/views/failed").with(viewer).contentType(MediaType.APPLICATION_JSON).content("{\"states\":[\"FAILED\"]}"))
                .andExpect(status().isCreated());

        mvc.perform(get("/api/tasks").param("view", "faild").with(viewer)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.view", containsString("no saved view 'faild'; did you mean 'failed'?")));
        mvc.perform(put("/api/views/x").with(viewer).contentType(MediaType.APPLICATION_JSON).content("{\"stats\":[\"FAILED\"]}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail", containsString("stats")));
        mvc.perform(put("/api/views/x").with(viewer).contentType(MediaType.APPLICATION_JSON).content("{\"states\":[\"FIALED\"]}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail", containsString("FIALED")));
        mvc.perform(put("/api/views/a.b").with(viewer).contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.name", containsString("'a.b' is not a view name")));
    }

    @Test
    void defaultsSetOverRestFillATaskCreatedWithoutRoleOrProvider() throws Exception {
        mvc.perform(put("/api/preferences").with(operator).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"defaultRole\":\"rest-backend\",\"defaultProvider\":\"rest-claude\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.user").value(name))
                .andExpect(jsonPath("$.defaultRole").value("rest-backend"));
        mvc.perform(get("/api/preferences").with(viewer)).andExpect(jsonPath("$.defaultProvider").value("rest-claude"));

        String created = mvc.perform(post("/api/tasks").with(operator).contentType(MediaType.APPLICATION_JSON)
                .content("{\"title\":\"defaulted\"}")).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String batch = mvc.perform(post("/api/tasks/batch").with(operator).contentType(MediaType.APPLICATION_JSON)
                        .content("[{\"title\":\"defaulted too\"},{\"title\":\"chosen\",\"role\":\"mine\"}]"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();

        org.assertj.core.api.Assertions.assertThat((String) JsonPath.read(created, "$.role")).isEqualTo("rest-backend");
        org.assertj.core.api.Assertions.assertThat((String) JsonPath.read(created, "$.provider")).isEqualTo("rest-claude");
        org.assertj.core.api.Assertions.assertThat((String) JsonPath.read(batch, "$.items[0].task.role")).isEqualTo("rest-backend");
        org.assertj.core.api.Assertions.assertThat((String) JsonPath.read(batch, "$.items[1].task.role")).isEqualTo("mine");
        mvc.perform(put("/api/preferences").with(viewer).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"defaultRole\":\"" + "r".repeat(2_001) + "\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.defaultRole", containsString("longer than")));
    }

    private String create(String json) throws Exception {
        String body = mvc.perform(post("/api/tasks").with(user("creator").roles("OPERATOR"))
                .contentType(MediaType.APPLICATION_JSON).content(json)).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$.key");
    }
}

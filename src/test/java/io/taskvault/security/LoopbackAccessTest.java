package io.taskvault.security;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import com.jayway.jsonpath.JsonPath;

import io.taskvault.support.EmbeddedStoreTest;

/** The default set-up: listening on loopback, the local user needs no login but still needs CSRF tokens in a browser. */
@EmbeddedStoreTest
class LoopbackAccessTest {

    @Autowired
    MockMvc mvc;

    @Test
    void aLocalProgramNeedsNoLoginAndActsAsAdmin() throws Exception {
        mvc.perform(get("/api/tasks")).andExpect(status().isOk());
        mvc.perform(post("/api/archive/run").param("dryRun", "true")).andExpect(status().isOk());
        mvc.perform(get("/")).andExpect(status().isOk());
    }

    @Test
    void aLocalProgramMayNameTheCreatorAndTheActor() throws Exception {
        mvc.perform(post("/api/tasks").header("X-Actor", "orchestrator").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"Named\",\"createdBy\":\"planner\"}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.createdBy").value("planner"));
    }

    @Test
    void aRequestFromAnotherMachineMustLogIn() throws Exception {
        mvc.perform(get("/api/tasks").with(remote("10.1.2.3"))).andExpect(status().isUnauthorized());
        mvc.perform(get("/tasks").with(remote("10.1.2.3"))).andExpect(status().is3xxRedirection());
    }

    @Test
    void dashboardPostsWithoutCsrfTokenAreRefusedEvenLocally() throws Exception {
        String key = createTask();
        mvc.perform(post("/tasks/" + key + "/notes").param("note", "forged form")).andExpect(status().isForbidden());
        mvc.perform(post("/tasks/" + key + "/notes").header("HX-Request", "true").param("note", "forged htmx"))
                .andExpect(status().isForbidden())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header().string("HX-Retarget", "#flash"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("security token")));
    }

    @Test
    void dashboardPostsWithTheRawTokenInTheHtmxHeaderAreAccepted() throws Exception {
        String key = createTask();
        MockHttpSession session = new MockHttpSession();
        MvcResult page = mvc.perform(get("/tasks/" + key).session(session)).andExpect(status().isOk()).andReturn();
        String token = ((CsrfToken) page.getRequest().getAttribute(CsrfToken.class.getName())).getToken();
        mvc.perform(post("/tasks/" + key + "/notes").session(session).header("HX-Request", "true")
                .header("X-CSRF-TOKEN", token).param("note", "real htmx")).andExpect(status().isOk());
    }

    @Test
    void aForeignPageCannotPostToTheApiButASameOriginPageCan() throws Exception {
        mvc.perform(post("/api/tasks").header("Origin", "https://evil.example")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"title\":\"cross-site\"}"))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.detail").value(
                        org.hamcrest.Matchers.containsString("CSRF")));
        mvc.perform(post("/api/tasks/TV-1/retry").header("Sec-Fetch-Site", "cross-site")).andExpect(status().isForbidden());
        mvc.perform(post("/api/tasks").header("Origin", "http://localhost")
                .contentType(MediaType.APPLICATION_JSON).content("{\"title\":\"same origin\"}")).andExpect(status().isCreated());
    }

    @Test
    void aPageWhoseNameWasReboundToThisMachineIsNotTheLocalUser() throws Exception {
        String host = "evil.example:18080";
        String origin = "http://evil.example:18080";
        mvc.perform(post("/api/tasks").header("Host", host).header("Origin", origin)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"title\":\"rebound\"}"))
                .andExpect(status().isUnauthorized());
        mvc.perform(post("/api/backups").header("Host", host).header("Origin", origin)).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/export").header("Host", host).header("Origin", origin)).andExpect(status().isUnauthorized());
        mvc.perform(get("/tasks").header("Host", host)).andExpect(status().is3xxRedirection());
        mvc.perform(get("/api/tasks").param("search", "rebound")).andExpect(jsonPath("$.total").value(0));
    }

    @Test
    void aRequestForwardedByAProxyOnThisMachineIsNotTheLocalAdmin() throws Exception {
        mvc.perform(get("/api/tasks").header("X-Forwarded-For", "203.0.113.9")).andExpect(status().isUnauthorized());
        mvc.perform(post("/api/backups").header("Forwarded", "for=203.0.113.9")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/tasks").header("Host", "127.0.0.1:18080")).andExpect(status().isOk());
        mvc.perform(get("/api/tasks").header("Host", "[::1]:18080")).andExpect(status().isOk());
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor remote(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private String createTask() throws Exception {
        MvcResult created = mvc.perform(post("/api/tasks").contentType(MediaType.APPLICATION_JSON)
                .content("{\"title\":\"Local\"}")).andExpect(status().isCreated()).andReturn();
        return JsonPath.read(created.getResponse().getContentAsString(), "$.key");
    }
}

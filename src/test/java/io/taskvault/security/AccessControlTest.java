package io.taskvault.security;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import com.jayway.jsonpath.JsonPath;

import io.taskvault.support.EmbeddedStoreTest;

/** Each role's allowed and refused actions, for people (form login, dashboard) and programs (tokens, API). */
@EmbeddedStoreTest
@TestPropertySource(properties = {
        "taskvault.security.require-login=true",
        "taskvault.security.users[0].name=vera", "taskvault.security.users[0].role=VIEWER",
        "taskvault.security.users[0].password={bcrypt}" + AccessControlTest.BCRYPT,
        "taskvault.security.users[1].name=otto", "taskvault.security.users[1].role=OPERATOR",
        "taskvault.security.users[1].password={bcrypt}" + AccessControlTest.BCRYPT,
        "taskvault.security.users[2].name=ada", "taskvault.security.users[2].role=ADMIN",
        "taskvault.security.users[2].password={bcrypt}" + AccessControlTest.BCRYPT,
        "taskvault.security.users[3].name=lou", "taskvault.security.users[3].role=VIEWER",
        "taskvault.security.users[3].password={bcrypt}" + AccessControlTest.BCRYPT})
class AccessControlTest {

    /** BCrypt of "s3cret-pass". */
    static final String BCRYPT = "$2a$04$CzyFVdJJm.qs1yBuI/NHdO2fa9rYtRrbKUiqco5ppHS5ZJGuMcWha";
    static final String PASSWORD = "s3cret-pass";

    @Autowired
    MockMvc mvc;
    @Autowired
    ApiTokens tokens;

    @Test
    void apiRefusesARequestWithoutCredentialsWith401() throws Exception {
        mvc.perform(get("/api/tasks")).andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", containsString("Bearer")))
                .andExpect(jsonPath("$.title").value("Authentication required"));
    }

    @Test
    void theEventStreamListensForAViewerAndRefusesAnAnonymousCaller() throws Exception {
        mvc.perform(get("/api/events")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/events").header("Authorization", "Bearer " + token("listener-bot", Role.VIEWER)))
                .andExpect(status().isOk()).andExpect(request().asyncStarted());
    }

    @Test
    void viewerTokenReadsButMayNotCreate() throws Exception {
        String viewer = token("viewer-bot", Role.VIEWER);
        mvc.perform(get("/api/tasks").header("Authorization", "Bearer " + viewer)).andExpect(status().isOk());
        mvc.perform(post("/api/tasks").header("Authorization", "Bearer " + viewer)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"title\":\"nope\"}"))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.title").value("Forbidden"));
    }

    @Test
    void operatorTokenCreatesAndMovesTasksButMayNotImportBackUpArchiveOrDelete() throws Exception {
        String operator = "Bearer " + token("operator-bot", Role.OPERATOR);
        String key = createTask(operator);
        mvc.perform(post("/api/tasks/" + key + "/transitions").header("Authorization", operator)
                .contentType(MediaType.APPLICATION_JSON).content("{\"to\":\"QUEUED\"}")).andExpect(status().isOk());
        mvc.perform(post("/api/tasks/" + key + "/notes").header("Authorization", operator)
                .contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"looked at it\"}")).andExpect(status().isCreated());
        mvc.perform(post("/api/import/taskvault").header("Authorization", operator)).andExpect(status().isForbidden());
        mvc.perform(post("/api/backups").header("Authorization", operator)).andExpect(status().isForbidden());
        mvc.perform(post("/api/archive/run").header("Authorization", operator)).andExpect(status().isForbidden());
        mvc.perform(delete("/api/graph/edges").param("from", key).param("type", "blocks").param("to", key)
                .header("Authorization", operator)).andExpect(status().isForbidden());
        mvc.perform(post("/api/tasks/" + key + "/transitions").header("Authorization", operator)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"to\":\"ARCHIVED\"}"))
                .andExpect(status().isForbidden());
    }

    @Test
    void adminTokenMayRunArchival() throws Exception {
        String admin = "Bearer " + token("admin-bot", Role.ADMIN);
        mvc.perform(post("/api/archive/run").param("dryRun", "true").header("Authorization", admin))
                .andExpect(status().isOk());
        mvc.perform(get("/api/backups").header("Authorization", admin)).andExpect(status().isOk());
    }

    @Test
    void aTokensNameIsTheActorInHistoryWhateverTheRequestClaims() throws Exception {
        String name = "ci-pipeline-" + System.nanoTime();
        String operator = "Bearer " + tokens.create(name, Role.OPERATOR).secret();
        String key = createTask(operator);
        mvc.perform(post("/api/tasks/" + key + "/transitions").header("Authorization", operator).header("X-Actor", "someone-else")
                .contentType(MediaType.APPLICATION_JSON).content("{\"to\":\"QUEUED\",\"actor\":\"also-else\"}"))
                .andExpect(status().isOk());
        mvc.perform(get("/api/tasks/" + key + "/history").header("Authorization", operator))
                .andExpect(jsonPath("$[0].actor").value(name))
                .andExpect(jsonPath("$[1].actor").value(name));
    }

    @Test
    void aTokensNameIsTheCreatorWhateverTheBodyAndHeaderClaim() throws Exception {
        String name = "ci-creator-" + System.nanoTime();
        String operator = "Bearer " + tokens.create(name, Role.OPERATOR).secret();
        MvcResult created = mvc.perform(post("/api/tasks").header("Authorization", operator).header("X-Actor", "admin")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"title\":\"Forged\",\"createdBy\":\"admin\"}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.createdBy").value(name)).andReturn();
        String key = JsonPath.read(created.getResponse().getContentAsString(), "$.key");
        mvc.perform(get("/api/tasks/" + key + "/history").header("Authorization", operator))
                .andExpect(jsonPath("$[0].type").value("CREATED"))
                .andExpect(jsonPath("$[0].actor").value(name));
        mvc.perform(post("/api/tasks/batch").header("Authorization", operator).header("X-Actor", "admin")
                        .contentType(MediaType.APPLICATION_JSON).content("[{\"title\":\"Forged too\",\"createdBy\":\"admin\"}]"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.items[0].task.createdBy").value(name));
    }

    @Test
    void aRevokedTokenIsRefusedWith401() throws Exception {
        String secret = tokens.create("short-lived", Role.OPERATOR).secret();
        mvc.perform(get("/api/tasks").header("Authorization", "Bearer " + secret)).andExpect(status().isOk());
        tokens.revoke("short-lived");
        mvc.perform(get("/api/tasks").header("Authorization", "Bearer " + secret)).andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value(containsString("revoked")));
        mvc.perform(get("/api/tasks").header("Authorization", "Bearer tv_madeup")).andExpect(status().isUnauthorized());
    }

    @Test
    void dashboardSendsStrangersToTheSignInPage() throws Exception {
        mvc.perform(get("/tasks")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/login")).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(containsString("name=\"_csrf\"")));
        mvc.perform(formLogin().user("vera").password("wrong")).andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void afterTooManyWrongPasswordsTheRightOneIsRefusedForAWhile() throws Exception {
        for (int i = 0; i < 5; i++) {
            mvc.perform(formLogin().user("lou").password("guess-" + i)).andExpect(redirectedUrl("/login?error"));
        }
        mvc.perform(formLogin().user("lou").password(PASSWORD)).andExpect(redirectedUrl("/login?throttled"))
                .andExpect(org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated());
        mvc.perform(get("/login").param("throttled", "")).andExpect(content().string(containsString("Too many failed sign-ins")));
        login("vera");
    }

    @Test
    void viewerSeesTheDashboardButMayNotAddNotes() throws Exception {
        String key = createTask("Bearer " + token("seed-v", Role.OPERATOR));
        MockHttpSession session = login("vera");
        mvc.perform(get("/tasks/" + key).session(session)).andExpect(status().isOk());
        mvc.perform(post("/tasks/" + key + "/notes").session(session).header("HX-Request", "true")
                .header("X-CSRF-TOKEN", csrf(session)).param("note", "hi")).andExpect(status().isForbidden());
    }

    @Test
    void operatorAddsNotesFromTheDashboardButMayNotArchive() throws Exception {
        String key = createTask("Bearer " + token("seed-o", Role.OPERATOR));
        MockHttpSession session = login("otto");
        mvc.perform(post("/tasks/" + key + "/notes").session(session).header("HX-Request", "true")
                .header("X-CSRF-TOKEN", csrf(session)).param("note", "from the dashboard")).andExpect(status().isOk());
        mvc.perform(post("/tasks/bulk").session(session).header("HX-Request", "true")
                .header("X-CSRF-TOKEN", csrf(session)).param("action", "ARCHIVE")).andExpect(status().isForbidden());
    }

    @Test
    void aSignedInPersonsNameIsTheActorOfWhatTheyDoOnTheDashboard() throws Exception {
        String operator = "Bearer " + token("seed-n", Role.OPERATOR);
        String key = createTask(operator);
        MockHttpSession session = login("otto");
        mvc.perform(post("/tasks/" + key + "/notes").session(session).header("HX-Request", "true")
                .header("X-CSRF-TOKEN", csrf(session)).param("note", "signed note")).andExpect(status().isOk());
        mvc.perform(get("/api/tasks/" + key + "/history").header("Authorization", operator))
                .andExpect(jsonPath("$[1].actor").value("otto"));
    }

    @Test
    void anOperatorMayNotRestoreAnArchivedTaskFromTheDashboard() throws Exception {
        String admin = "Bearer " + token("seed-r", Role.ADMIN);
        String key = createTask(admin);
        for (String to : new String[] {"CANCELLED", "ARCHIVED"}) {
            mvc.perform(post("/api/tasks/" + key + "/transitions").header("Authorization", admin)
                    .contentType(MediaType.APPLICATION_JSON).content("{\"to\":\"" + to + "\"}")).andExpect(status().isOk());
        }
        MockHttpSession session = login("otto");
        mvc.perform(post("/tasks/" + key + "/transition").session(session).header("HX-Request", "true")
                        .header("X-CSRF-TOKEN", csrf(session)).param("to", "CANCELLED"))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("needs the ADMIN role")));
        mvc.perform(get("/api/tasks/" + key).header("Authorization", admin)).andExpect(jsonPath("$.state").value("ARCHIVED"));
    }

    @Test
    void anOperatorMayNotArchiveWhateverTheSpellingOfTheTargetState() throws Exception {
        String admin = "Bearer " + token("seed-s", Role.ADMIN);
        String key = createTask(admin);
        mvc.perform(post("/api/tasks/" + key + "/transitions").header("Authorization", admin)
                .contentType(MediaType.APPLICATION_JSON).content("{\"to\":\"CANCELLED\"}")).andExpect(status().isOk());
        MockHttpSession session = login("otto");
        for (String to : new String[] {"ARCHIVED ", " ARCHIVED", "\tARCHIVED"}) {
            mvc.perform(post("/tasks/" + key + "/transition").session(session).header("HX-Request", "true")
                            .header("X-CSRF-TOKEN", csrf(session)).param("to", to))
                    .andExpect(status().isForbidden())
                    .andExpect(content().string(containsString("needs the ADMIN role")));
        }
        mvc.perform(post("/tasks/bulk").session(session).header("HX-Request", "true")
                .header("X-CSRF-TOKEN", csrf(session)).param("action", "ARCHIVE ")).andExpect(status().isForbidden());
        mvc.perform(post("/tasks/bulk").session(session).header("HX-Request", "true")
                        .header("X-CSRF-TOKEN", csrf(session)).param("action", "ARCHIVE ").param("selected", key))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/tasks/" + key).header("Authorization", admin)).andExpect(jsonPath("$.state").value("CANCELLED"));
    }

    @Test
    void anOperatorTokenMayNotTakeATaskOutOfTheArchiveByAPlainTransition() throws Exception {
        String admin = "Bearer " + token("seed-t", Role.ADMIN);
        String key = createTask(admin);
        for (String to : new String[] {"CANCELLED", "ARCHIVED"}) {
            mvc.perform(post("/api/tasks/" + key + "/transitions").header("Authorization", admin)
                    .contentType(MediaType.APPLICATION_JSON).content("{\"to\":\"" + to + "\"}")).andExpect(status().isOk());
        }
        String operator = "Bearer " + token("op-t", Role.OPERATOR);
        mvc.perform(post("/api/tasks/" + key + "/transitions").header("Authorization", operator)
                .contentType(MediaType.APPLICATION_JSON).content("{\"to\":\"CANCELLED\"}")).andExpect(status().isForbidden());
        mvc.perform(post("/api/tasks/" + key + "/restore").header("Authorization", operator)).andExpect(status().isForbidden());
        mvc.perform(get("/api/tasks/" + key).header("Authorization", admin)).andExpect(jsonPath("$.state").value("ARCHIVED"));
        mvc.perform(post("/api/tasks/" + key + "/restore").header("Authorization", admin)).andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("CANCELLED"));
    }

    @Test
    void adminMayArchiveFromTheDashboard() throws Exception {
        MockHttpSession session = login("ada");
        mvc.perform(post("/tasks/bulk").session(session).header("HX-Request", "true")
                .header("X-CSRF-TOKEN", csrf(session)).param("action", "ARCHIVE").param("selected", "TV-999999"))
                .andExpect(result -> org.assertj.core.api.Assertions.assertThat(result.getResponse().getStatus())
                        .as("an admin passes the archive rule").isNotIn(401, 403));
    }

    @Test
    void signedInFormPostWithoutCsrfTokenIsRefused() throws Exception {
        String key = createTask("Bearer " + token("seed-c", Role.OPERATOR));
        MockHttpSession session = login("otto");
        mvc.perform(post("/tasks/" + key + "/notes").session(session).param("note", "forged"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/tasks/" + key + "/notes").session(session).header("HX-Request", "true").param("note", "forged"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/tasks/" + key + "/notes").session(session).header("HX-Request", "true")
                .param("_csrf", csrf(session)).param("note", "with the form's token")).andExpect(status().isOk());
    }

    @Test
    void answersCarrySecurityHeaders() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(header().string("Content-Security-Policy", containsString("script-src 'self';")))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Referrer-Policy", "same-origin"));
    }

    private String token(String name, Role role) {
        return tokens.create(name + "-" + System.nanoTime(), role).secret();
    }

    private String createTask(String authorization) throws Exception {
        MvcResult created = mvc.perform(post("/api/tasks").header("Authorization", authorization)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"title\":\"Guarded\"}"))
                .andExpect(status().isCreated()).andReturn();
        return JsonPath.read(created.getResponse().getContentAsString(), "$.key");
    }

    private MockHttpSession login(String user) throws Exception {
        MvcResult result = mvc.perform(formLogin().user(user).password(PASSWORD)).andExpect(redirectedUrl("/")).andReturn();
        return (MockHttpSession) result.getRequest().getSession(false);
    }

    /** The token the dashboard's pages carry, as htmx copies it from the meta tag. */
    private String csrf(MockHttpSession session) throws Exception {
        MvcResult page = mvc.perform(get("/login").session(session)).andReturn();
        return ((CsrfToken) page.getRequest().getAttribute(CsrfToken.class.getName())).getToken();
    }
}

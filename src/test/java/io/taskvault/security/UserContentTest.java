package io.taskvault.security;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
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
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

import io.taskvault.support.EmbeddedStoreTest;

/** What people stored is handed out as plain text or an attachment, sandboxed; its declared type is checked on write. */
@EmbeddedStoreTest
class UserContentTest {

    @Autowired
    MockMvc mvc;

    @Test
    void anHtmlOrScriptOutputIsServedAsPlainTextInASandbox() throws Exception {
        String key = createTask();
        long html = addOutput(key, "<script>alert(1)</script>", "text/html");
        long script = addOutput(key, "alert(2)", "application/javascript");
        for (long seq : new long[] {html, script}) {
            sandboxed(served(key, seq))
                    .andExpect(header().string("Content-Type", "text/plain;charset=UTF-8"))
                    .andExpect(header().doesNotExist("Content-Disposition"));
        }
        sandboxed(mvc.perform(get("/tasks/" + key + "/outputs/" + html + "/download")))
                .andExpect(header().string("Content-Type", "text/plain;charset=UTF-8"))
                .andExpect(header().string("Content-Disposition", startsWith("attachment")))
                .andExpect(content().string("<script>alert(1)</script>"));
    }

    @Test
    void aBinaryOutputIsAnAttachmentOfBytes() throws Exception {
        String key = createTask();
        long image = addOutput(key, "not really a picture", "image/svg+xml");
        long svgAsPng = addOutput(key, "<svg onload=alert(1)/>", "image/png");
        for (long seq : new long[] {image, svgAsPng}) {
            sandboxed(served(key, seq))
                    .andExpect(header().string("Content-Type", "application/octet-stream"))
                    .andExpect(header().string("Content-Disposition", startsWith("attachment")));
        }
    }

    @Test
    void contextBodiesAndPromptContextsAreSandboxedWhilePagesKeepTheirPolicy() throws Exception {
        String key = createTask();
        mvc.perform(post("/api/tasks/" + key + "/context/ai-interactions").contentType(MediaType.APPLICATION_JSON)
                .content("{\"agent\":\"codegen\",\"type\":\"prompt\",\"request\":\"<script>alert(3)</script>\","
                        + "\"response\":\"Done\",\"tokens\":12,\"durationMs\":30,\"success\":true}"))
                .andExpect(status().isCreated());
        MvcResult body = mvc.perform(get("/api/tasks/" + key + "/context/ai-interactions/1/request")).andReturn();
        sandboxed(mvc.perform(asyncDispatch(body)))
                .andExpect(header().string("Content-Type", org.hamcrest.Matchers.equalToIgnoringCase("text/plain;charset=UTF-8")));
        sandboxed(mvc.perform(get("/api/tasks/" + key + "/prompt-context")));
        sandboxed(mvc.perform(get("/tasks/" + key + "/context/prompt")));
        mvc.perform(get("/tasks/" + key)).andExpect(status().isOk())
                .andExpect(header().string("Content-Security-Policy", containsString("script-src 'self'")))
                .andExpect(header().string("Content-Security-Policy", org.hamcrest.Matchers.not(containsString("sandbox"))));
    }

    @Test
    void anOutputsMediaTypeMustBeAKnownWellFormedType() throws Exception {
        String key = createTask();
        for (String bad : new String[] {"not a mime type", "text/html\r\nX-Injected: 1", "text/plain\n", "*/*",
                "text/*", "evil/thing", "text/" + "x".repeat(300)}) {
            mvc.perform(post("/api/tasks/" + key + "/outputs").contentType(MediaType.APPLICATION_JSON)
                            .content("{\"type\":\"ARTIFACT\",\"content\":\"x\",\"mimeType\":" + json(bad) + "}"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors.mimeType").exists());
        }
        mvc.perform(get("/api/tasks/" + key + "/outputs")).andExpect(jsonPath("$.length()").value(0));
        addOutput(key, "{}", "application/vnd.api+json; charset=utf-8");
    }

    private ResultActions sandboxed(ResultActions answer) throws Exception {
        return answer.andExpect(status().isOk())
                .andExpect(header().string("Content-Security-Policy", containsString("sandbox")))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"));
    }

    private ResultActions served(String key, long seq) throws Exception {
        MvcResult started = mvc.perform(get("/api/tasks/" + key + "/outputs/" + seq)).andReturn();
        return mvc.perform(asyncDispatch(started));
    }

    private long addOutput(String key, String content, String mimeType) throws Exception {
        MvcResult added = mvc.perform(post("/api/tasks/" + key + "/outputs").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"type\":\"ARTIFACT\",\"content\":" + json(content) + ",\"mimeType\":" + json(mimeType) + "}"))
                .andExpect(status().isCreated()).andReturn();
        return ((Number) JsonPath.read(added.getResponse().getContentAsString(), "$.seq")).longValue();
    }

    private String createTask() throws Exception {
        MvcResult created = mvc.perform(post("/api/tasks").contentType(MediaType.APPLICATION_JSON)
                .content("{\"title\":\"Stored content\"}")).andExpect(status().isCreated()).andReturn();
        return JsonPath.read(created.getResponse().getContentAsString(), "$.key");
    }

    private static String json(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\r", "\\r").replace("\n", "\\n") + "\"";
    }
}

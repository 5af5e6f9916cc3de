package io.taskvault.context.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import io.taskvault.task.web.WebFixtures;
import io.taskvault.context.AiInteraction;
import io.taskvault.context.ContextHealth;
import io.taskvault.context.ContextRecord;
import io.taskvault.context.ContextService;
import io.taskvault.context.PerformanceMetric;
import io.taskvault.context.PromptContextService;
import io.taskvault.context.RequirementContext;
import io.taskvault.task.Task;
import io.taskvault.task.TaskService;
import io.taskvault.task.TaskState;

@WebMvcTest(TaskContextController.class)
@io.taskvault.security.SecuredWebSlice
class TaskContextControllerTest {

    @Autowired
    MockMvc mvc;
    @MockitoBean
    TaskService tasks;
    @MockitoBean
    ContextService context;
    @MockitoBean
    PromptContextService prompts;

    Task task = WebFixtures.task("TV-7", TaskState.PENDING);
    RequirementContext requirement = new RequirementContext("id-TV-7:1", "id-TV-7", 1, "functional",
            Map.of("must", "<script>alert(1)</script>"), "lead", WebFixtures.NOW, 1);

    @BeforeEach
    void knownTask() {
        given(tasks.get(anyString())).willReturn(task);
        given(context.list(anyString(), any(), anyInt())).willReturn(List.of());
        given(context.list(eq(task.getId()), eq(RequirementContext.class), anyInt())).willReturn(List.of(requirement));
        given(prompts.health(anyString())).willReturn(new ContextHealth("TV-7", 65,
                List.of(new ContextHealth.Reason("no-acceptance-criteria", "No acceptance criteria", 25))));
    }

    @Test
    void listsEveryKindWithAFormEachTheHealthReasonsAndThePromptExportOnItsOwnPage() throws Exception {
        mvc.perform(get("/tasks/TV-7/context"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<html")))
                .andExpect(content().string(containsString("65 / 100")))
                .andExpect(content().string(containsString("No acceptance criteria (−25)")))
                .andExpect(content().string(containsString("&lt;script&gt;alert(1)&lt;/script&gt;")))
                .andExpect(content().string(not(containsString("<script>alert(1)"))))
                .andExpect(content().string(containsString("hx-post=\"/tasks/TV-7/context/ai-interactions\"")))
                .andExpect(content().string(containsString("hx-post=\"/tasks/TV-7/context/metrics\"")))
                .andExpect(content().string(containsString("action=\"/tasks/TV-7/context/prompt\"")))
                .andExpect(content().string(containsString("for=\"ctx-validations-status\"")));
    }

    @Test
    void answersHtmxWithTheSectionOnlyAtTheSameUrl() throws Exception {
        mvc.perform(get("/tasks/TV-7/context").header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"context\"")))
                .andExpect(content().string(not(containsString("<html"))));
    }

    @Test
    void addsARecordAndAnswersWithTheFreshSection() throws Exception {
        PerformanceMetric stored = new PerformanceMetric("id-TV-7:4", "id-TV-7", 4, "build", 12.5, "s", WebFixtures.NOW, 1);
        given(context.add(anyString(), any(PerformanceMetric.class))).willReturn(stored);

        mvc.perform(post("/tasks/TV-7/context/metrics").header("HX-Request", "true")
                        .param("name", "build").param("value", "12.5").param("unit", "s"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Performance metrics #4 added.")))
                .andExpect(content().string(not(containsString("<html"))));
        verify(context).add(eq("TV-7"), any(PerformanceMetric.class));
    }

    @Test
    void showsEachRejectedValueNextToItsFieldAndKeepsTheInput() throws Exception {
        mvc.perform(post("/tasks/TV-7/context/metrics").header("HX-Request", "true")
                        .param("name", "build <fast>").param("value", "quick"))
                .andExpect(status().is(422))
                .andExpect(content().string(containsString("id=\"err-ctx-metrics-value\"")))
                .andExpect(content().string(containsString("must be a number, not &#39;quick&#39;")))
                .andExpect(content().string(containsString("value=\"build &lt;fast&gt;\"")))
                .andExpect(content().string(containsString("aria-invalid=\"true\"")));
        verify(context, never()).add(anyString(), any(ContextRecord.class));
    }

    @Test
    void opensOneInteractionInFullWithItsBodyPagedByLines() throws Exception {
        String request = IntStream.rangeClosed(1, 1_500).mapToObj(i -> "prompt line " + i).collect(Collectors.joining("\n"));
        AiInteraction ai = AiInteraction.exchange("claude", "code").request(request).response("ok").tokens(900L)
                .durationMs(1200L).success(true).sessionId("s-1").build().identified("id-TV-7", 2, WebFixtures.NOW);
        given(context.get(anyString(), eq(AiInteraction.class), eq(2L))).willReturn(ai);
        given(context.openBody(ai, true)).willAnswer(i -> new ByteArrayInputStream(request.getBytes(StandardCharsets.UTF_8)));

        mvc.perform(get("/tasks/TV-7/context/ai-interactions/2").param("page", "2").header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("AI interactions #2 of TV-7")))
                .andExpect(content().string(containsString("prompt line 1001")))
                .andExpect(content().string(not(containsString("prompt line 1000<"))))
                .andExpect(content().string(containsString("lines 1001–1500")))
                .andExpect(content().string(not(containsString("<html"))));
        mvc.perform(get("/tasks/TV-7/context/ai-interactions/2"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<html")))
                .andExpect(content().string(containsString("Next 1,000 lines")));
    }

    @Test
    void downloadsThePromptContextWithTheBudgetInTokens() throws Exception {
        given(prompts.budget(null, 1_000)).willReturn(4_000);
        given(prompts.export(task.getId(), 4_000, "markdown")).willReturn("# TV-7 Title\n");

        mvc.perform(get("/tasks/TV-7/context/prompt").param("format", "markdown").param("budget", "1000")
                        .param("unit", "tokens"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("TV-7-prompt-context.md")))
                .andExpect(content().string("# TV-7 Title\n"));
    }
}

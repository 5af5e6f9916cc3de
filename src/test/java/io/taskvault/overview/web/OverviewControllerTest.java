package io.taskvault.overview.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import io.taskvault.task.web.WebFixtures;
import io.taskvault.store.StoreChanges;
import io.taskvault.overview.ActivityCharts;
import io.taskvault.overview.StoreFigures;
import io.taskvault.store.StoreInfo;
import io.taskvault.task.Task;
import io.taskvault.task.TaskPage;
import io.taskvault.task.TaskService;
import io.taskvault.task.TaskState;
import io.taskvault.task.TaskStatistics;

@WebMvcTest(OverviewController.class)
@io.taskvault.security.SecuredWebSlice
@Import({WebFixtures.FixedClock.class, ActivityCharts.class, StoreFigures.class})
class OverviewControllerTest {

    @Autowired
    MockMvc mvc;
    @MockitoBean
    TaskService tasks;
    @MockitoBean
    StoreChanges changes;
    @MockitoBean
    StoreInfo store;

    @BeforeEach
    void store() {
        Task failed = WebFixtures.task("TV-9", TaskState.FAILED);
        failed.setLastError("compiler said <no>");
        given(tasks.statistics()).willReturn(new TaskStatistics(12, Map.of(TaskState.FAILED, 3L, TaskState.RUNNING, 2L),
                Map.of("backend", 12L), Map.of("claude", 12L), 0.5, 0.25, Map.of(), Map.of(), 6.5, 4,
                Map.of("tasks", Map.of(2, 12L), "task_history", Map.of(), "task_outputs", Map.of()), java.time.Instant.now()));
        given(tasks.list(any())).willReturn(new TaskPage(List.of(failed), 1, 0, 5, null));
        given(store.engine()).willReturn("embedded (mongo-java-server, H2 MVStore)");
        given(store.embeddedServer()).willReturn(Optional.empty());
    }

    @Test
    void showsCountsPerStateAsLinksToTheFilteredListWithRatesAndStoreHealth() throws Exception {
        mvc.perform(get("/"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<html")))
                .andExpect(content().string(containsString("href=\"/tasks?state=FAILED\"")))
                .andExpect(content().string(containsString("25.0 %")))
                .andExpect(content().string(containsString("6.5 of 10 (4 scored tasks)")))
                .andExpect(content().string(containsString("embedded (mongo-java-server, H2 MVStore)")))
                .andExpect(content().string(containsString("v2 × 12")))
                .andExpect(content().string(containsString("not scheduled")))
                .andExpect(content().string(containsString("<svg class=\"chart\"")))
                .andExpect(content().string(containsString("compiler said &lt;no&gt;")));
    }

    @Test
    void answersHtmxWithTheLiveFragmentOnlyAtTheSameUrl() throws Exception {
        mvc.perform(get("/").header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"overview\"")))
                .andExpect(content().string(not(containsString("<html"))))
                .andExpect(content().string(not(containsString("<h1>Overview</h1>"))));
    }

    @Test
    void switchesTheChartToHourlyBucketsThroughTheUrlAndKeepsTheUnitInTheLiveRefresh() throws Exception {
        mvc.perform(get("/").param("chart", "hour"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Created and finished per hour")))
                .andExpect(content().string(containsString("hx-get=\"/?chart=hour\"")))
                .andExpect(content().string(matchesPattern("(?s).*href=\"/\\?chart=hour\"[^>]*aria-current=\"true\".*")))
                .andExpect(content().string(containsString("10h: ")));
        mvc.perform(get("/").param("chart", "hour").header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Created and finished per hour")))
                .andExpect(content().string(not(containsString("<html"))));
        mvc.perform(get("/"))
                .andExpect(content().string(containsString("Created and finished per day")))
                .andExpect(content().string(containsString("20/11: ")));
    }

    @Test
    void refusesAChartUnitItDoesNotKnowAndNamesTheLikelyOne() throws Exception {
        mvc.perform(get("/").param("chart", "hours"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("&#39;hours&#39; is not a chart: use hour or day; did you mean &#39;hour&#39;?")));
    }

    @Test
    void saysCountingInsteadOfShowingAnEmptyHistoryCensusNextToStoredTasks() throws Exception {
        mvc.perform(get("/"))
                .andExpect(content().string(containsString("counting…")))
                .andExpect(content().string(containsString("none counted yet")));
    }

    @Test
    void rendersNoInlineHandlersAndCarriesTheCsrfAndHtmxConfigMetas() throws Exception {
        mvc.perform(get("/"))
                .andExpect(content().string(not(containsString(" onclick="))))
                .andExpect(content().string(not(containsString("hx-on"))))
                .andExpect(content().string(containsString("\"allowEval\":false")))
                .andExpect(content().string(containsString("\"includeIndicatorStyles\":false")))
                .andExpect(content().string(containsString("<meta name=\"_csrf\"")))
                .andExpect(content().string(containsString("<meta name=\"_csrf_header\"")));
    }
}

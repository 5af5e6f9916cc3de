package io.taskvault.preferences.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import io.taskvault.preferences.PreferencesService;
import io.taskvault.preferences.SavedView;
import io.taskvault.preferences.UserPreferences;
import io.taskvault.preferences.ViewFilter;
import io.taskvault.security.SecuredWebSlice;
import io.taskvault.task.InvalidTaskException;
import io.taskvault.task.Priority;
import io.taskvault.task.TaskQuery;
import io.taskvault.task.TaskState;

@WebMvcTest(PreferencesController.class)
@SecuredWebSlice
class PreferencesControllerTest {

    @Autowired
    MockMvc mvc;
    @MockitoBean
    PreferencesService preferences;
    @MockitoBean
    io.taskvault.task.TaskService tasks;

    @BeforeEach
    void mine() {
        ViewFilter failed = ViewFilter.of(TaskQuery.all().withStates(Set.of(TaskState.FAILED)));
        given(preferences.mine()).willReturn(new UserPreferences("ada", 1,
                Map.of("failed", new SavedView("failed", failed, Instant.parse("2026-12-05T10:00:00Z"))),
                "backend", null, Instant.now()));
    }

    @Test
    void showsTheDefaultsFormAndTheSavedViewsAsLinksToTheList() throws Exception {
        mvc.perform(get("/preferences"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"defaultRole\"")))
                .andExpect(content().string(containsString("value=\"backend\"")))
                .andExpect(content().string(containsString("href=\"/tasks?view=failed\"")))
                .andExpect(content().string(containsString("state FAILED · sort updated desc")))
                .andExpect(content().string(containsString("action=\"/preferences/views/failed/delete\"")));
    }

    @Test
    void savesTheListsFilterAndSortUnderANameAndOpensTheListOnIt() throws Exception {
        mvc.perform(post("/preferences/views").param("name", "high-backend").param("state", "FAILED", "BLOCKED")
                        .param("role", "backend").param("priority", "HIGH").param("sort", "PRIORITY").param("desc", "false"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/tasks?view=high-backend"));

        ArgumentCaptor<TaskQuery> saved = ArgumentCaptor.forClass(TaskQuery.class);
        then(preferences).should().saveView(eq("high-backend"), saved.capture());
        assertThat(saved.getValue().states()).containsExactlyInAnyOrder(TaskState.FAILED, TaskState.BLOCKED);
        assertThat(saved.getValue().roles()).containsExactly("backend");
        assertThat(saved.getValue().priorities()).containsExactly(Priority.HIGH);
        assertThat(saved.getValue().sort()).isEqualTo(TaskQuery.SortField.PRIORITY);
        assertThat(saved.getValue().descending()).isFalse();
    }

    @Test
    void saysWhyAViewWasNotSaved() throws Exception {
        given(preferences.saveView(eq("a b"), any())).willThrow(new InvalidTaskException("name", "'a b' is not a view name"));

        mvc.perform(post("/preferences/views").param("name", "a b").param("state", "FAILED"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("The view was not saved: &#39;a b&#39; is not a view name")));
    }

    @Test
    void setsTheDefaultsAndShowsARefusedOneBesideItsField() throws Exception {
        mvc.perform(post("/preferences").param("defaultRole", "frontend").param("defaultProvider", "claude"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/preferences"));
        then(preferences).should().setDefaults("frontend", "claude");

        given(preferences.setDefaults(eq("x".repeat(2_001)), any()))
                .willThrow(new InvalidTaskException("defaultRole", "is longer than 2000 characters"));
        mvc.perform(post("/preferences").param("defaultRole", "x".repeat(2_001)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("is longer than 2000 characters")))
                .andExpect(content().string(containsString("aria-invalid=\"true\"")));
    }
}

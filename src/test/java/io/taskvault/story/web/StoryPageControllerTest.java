package io.taskvault.story.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import io.taskvault.story.Grouping;
import io.taskvault.story.StoryNotFoundException;
import io.taskvault.story.StoryRollup;
import io.taskvault.story.StoryService;
import io.taskvault.task.TaskState;

@WebMvcTest(StoryPageController.class)
@io.taskvault.security.SecuredWebSlice
class StoryPageControllerTest {

    @Autowired
    MockMvc mvc;
    @MockitoBean
    StoryService stories;
    @MockitoBean
    io.taskvault.task.TaskService tasks;

    static final Instant AT = Instant.parse("2026-11-20T10:00:00Z");

    private static StoryRollup rollup(Grouping grouping, String id) {
        Map<TaskState, Long> byState = new EnumMap<>(TaskState.class);
        for (TaskState s : TaskState.values()) {
            byState.put(s, 0L);
        }
        byState.put(TaskState.COMPLETED, 2L);
        byState.put(TaskState.BLOCKED, 1L);
        byState.put(TaskState.FAILED, 1L);
        byState.put(TaskState.PENDING, 1L);
        return new StoryRollup(grouping, id, 5, byState, 40, StoryRollup.Progress.IN_PROGRESS,
                List.of(new StoryRollup.Member("TV-4", "Wait for the schema", TaskState.BLOCKED, AT, null)),
                List.of(new StoryRollup.Member("TV-3", "Parse the input", TaskState.FAILED, AT, "compiler error")),
                AT, "TV-5");
    }

    @Test
    void showsTheCountsProgressBlockedAndFailedTasksWithLinksToTheFilteredList() throws Exception {
        given(stories.rollUp(Grouping.STORY, "STORY 7")).willReturn(rollup(Grouping.STORY, "STORY 7"));
        given(tasks.changeVersion()).willReturn(42L);

        mvc.perform(get("/stories/{id}", "STORY 7"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/live?v=42")))
                .andExpect(content().string(containsString("<html")))
                .andExpect(content().string(containsString("40 % done")))
                .andExpect(content().string(containsString("2 of 5 tasks completed")))
                .andExpect(content().string(containsString("IN PROGRESS")))
                .andExpect(content().string(containsString("href=\"/tasks?storyId=STORY%207\"")))
                .andExpect(content().string(containsString("href=\"/tasks?storyId=STORY%207&amp;state=FAILED\"")))
                .andExpect(content().string(containsString("href=\"/tasks/TV-4\"")))
                .andExpect(content().string(containsString("Wait for the schema")))
                .andExpect(content().string(containsString("compiler error")))
                .andExpect(content().string(containsString("href=\"/tasks/TV-5\"")));
    }

    @Test
    void anEpicsPageLinksToTheListByEpicAndRedrawsAsAFragmentForHtmx() throws Exception {
        given(stories.rollUp(Grouping.EPIC, "EPIC-2")).willReturn(rollup(Grouping.EPIC, "EPIC-2"));

        mvc.perform(get("/epics/EPIC-2").header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"story-live\"")))
                .andExpect(content().string(containsString("hx-get=\"/epics/EPIC-2\"")))
                .andExpect(content().string(containsString("href=\"/tasks?epicId=EPIC-2\"")))
                .andExpect(content().string(not(containsString("<html"))));
    }

    @Test
    void anUnknownStoryIsA404PageThatSaysSo() throws Exception {
        given(stories.rollUp(eq(Grouping.STORY), anyString()))
                .willThrow(new StoryNotFoundException(Grouping.STORY, "NOPE"));

        mvc.perform(get("/stories/NOPE"))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("Story not found")))
                .andExpect(content().string(containsString("No story &#39;NOPE&#39; exists")));
    }
}

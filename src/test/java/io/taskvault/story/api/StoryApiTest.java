package io.taskvault.story.api;

import static io.taskvault.support.TaskDrafts.aTask;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import io.taskvault.support.EmbeddedStoreTest;
import io.taskvault.task.Task;
import io.taskvault.task.TaskService;
import io.taskvault.task.TaskState;

/** Story and epic roll-ups and the grouping filters through the REST door. */
@EmbeddedStoreTest
class StoryApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TaskService tasks;

    @Test
    void answersAStorysAndAnEpicsRollUpAndA404ForAnUnknownOne() throws Exception {
        String story = "API-STORY-" + System.nanoTime();
        String epic = "API-EPIC-" + System.nanoTime();
        Task done = tasks.create(aTask().inStory(story).inEpic(epic).build(), "test");
        tasks.transition(done.getKey(), TaskState.QUEUED, "test", null);
        tasks.transition(done.getKey(), TaskState.RUNNING, "test", null);
        tasks.transition(done.getKey(), TaskState.COMPLETED, "test", null);
        Task blocked = tasks.create(aTask().inStory(story).inEpic(epic).titled("Waits").build(), "test");
        tasks.transition(blocked.getKey(), TaskState.BLOCKED, "test", null);
        tasks.create(aTask().inStory(story + "-other").inEpic(epic).build(), "test");

        mvc.perform(get("/api/stories/{id}", story)).andExpect(status().isOk())
                .andExpect(jsonPath("$.grouping").value("STORY"))
                .andExpect(jsonPath("$.id").value(story))
                .andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.byState.COMPLETED").value(1))
                .andExpect(jsonPath("$.byState.BLOCKED").value(1))
                .andExpect(jsonPath("$.byState.PENDING").value(0))
                .andExpect(jsonPath("$.percentDone").value(50))
                .andExpect(jsonPath("$.progress").value("IN_PROGRESS"))
                .andExpect(jsonPath("$.blocked[0].key").value(blocked.getKey()))
                .andExpect(jsonPath("$.blocked[0].title").value("Waits"))
                .andExpect(jsonPath("$.failed").isEmpty())
                .andExpect(jsonPath("$.lastActivityKey").value(blocked.getKey()))
                .andExpect(jsonPath("$.lastActivity").isNotEmpty());
        mvc.perform(get("/api/epics/{id}", epic)).andExpect(status().isOk())
                .andExpect(jsonPath("$.grouping").value("EPIC"))
                .andExpect(jsonPath("$.total").value(3))
                .andExpect(jsonPath("$.percentDone").value(33));
        mvc.perform(get("/api/stories/{id}", "NO-SUCH-STORY")).andExpect(status().isNotFound())
                .andExpect(header().string("Content-Type", containsString("application/problem+json")))
                .andExpect(jsonPath("$.title").value("Story not found"))
                .andExpect(jsonPath("$.detail").value(containsString("NO-SUCH-STORY")));
    }

    @Test
    void filtersTheSearchAndTheExportByStoryEpicAndPersona() throws Exception {
        String story = "API-FILTER-" + System.nanoTime();
        Task a = tasks.create(aTask().inStory(story).forPersona("qa").build(), "test");
        Task b = tasks.create(aTask().inStory(story).forPersona("architect").build(), "test");
        tasks.create(aTask().inStory(story + "-x").forPersona("qa").build(), "test");

        mvc.perform(get("/api/tasks").param("storyId", story)).andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.tasks[*].key", containsInAnyOrder(a.getKey(), b.getKey())));
        mvc.perform(get("/api/tasks").param("storyId", story).param("persona", "qa")).andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.tasks[0].key").value(a.getKey()));
        mvc.perform(get("/api/tasks").param("epicId", "EPIC-1").param("storyId", story).param("persona", "architect"))
                .andExpect(jsonPath("$.tasks[0].key").value(b.getKey()));
        mvc.perform(get("/api/tasks").param("story", story)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.story").value(containsString("is not a parameter of this endpoint")));
        MvcResult export = mvc.perform(get("/api/tasks/export").param("format", "csv").param("storyId", story)
                .param("persona", "qa")).andExpect(status().isOk()).andReturn();
        mvc.perform(asyncDispatch(export))
                .andExpect(content().string(containsString(a.getKey() + ",")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString(b.getKey() + ","))));
    }
}

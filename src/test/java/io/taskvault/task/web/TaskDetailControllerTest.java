package io.taskvault.task.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
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

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import io.taskvault.task.IllegalTransitionException;
import io.taskvault.task.InvalidTaskException;
import io.taskvault.task.Task;
import io.taskvault.task.TaskNotFoundException;
import io.taskvault.task.TaskService;
import io.taskvault.task.TaskState;

@WebMvcTest(TaskDetailController.class)
@io.taskvault.security.SecuredWebSlice
@Import(TaskView.class)
class TaskDetailControllerTest {

    @Autowired
    MockMvc mvc;
    @MockitoBean
    TaskService tasks;

    static final String DEPENDENCY_ID = "5f0c8a52-9d7e-4b1a-8a43-2c1e6f0d9b77";

    Task task = WebFixtures.task("TV-7", TaskState.PENDING);
    Task dependency = WebFixtures.task("TV-3", TaskState.RUNNING);

    @BeforeEach
    void knownTask() {
        dependency.setId(DEPENDENCY_ID);
        dependency.setTitle("Design the schema");
        task.setDependsOn(List.of(DEPENDENCY_ID));
        given(tasks.byIds(List.of(DEPENDENCY_ID))).willReturn(List.of(dependency));
        given(tasks.get(anyString())).willReturn(task);
        given(tasks.history(anyString())).willReturn(List.of(WebFixtures.moved(task, 2, TaskState.PENDING, TaskState.QUEUED, "ready")));
        given(tasks.outputs(anyString())).willReturn(List.of());
        given(tasks.verify(any(Task.class))).willReturn(WebFixtures.intact(task, 2));
    }

    @Test
    void linksTheTasksStoryAndEpicToTheirRollUpPages() throws Exception {
        task.setStoryId("STORY 9");
        task.setEpicId("EPIC-2");

        mvc.perform(get("/tasks/TV-7"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<a href=\"/stories/STORY%209\">STORY 9</a>")))
                .andExpect(content().string(containsString("<a href=\"/epics/EPIC-2\">EPIC-2</a>")));
    }

    @Test
    void showsEveryFieldTheHistoryAndOnlyTheMovesAllowedFromTheCurrentState() throws Exception {
        mvc.perform(get("/tasks/TV-7"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<html")))
                .andExpect(content().string(containsString("Title of TV-7")))
                .andExpect(content().string(containsString("History chain: intact (2 events)")))
                .andExpect(content().string(containsString("PENDING → QUEUED")))
                .andExpect(content().string(containsString("<small>1 event</small>")))
                .andExpect(content().string(containsString("href=\"/tasks/TV-3\"")))
                .andExpect(content().string(containsString("value=\"QUEUED\"")))
                .andExpect(content().string(containsString("value=\"CANCELLED\"")))
                .andExpect(content().string(not(containsString("value=\"COMPLETED\""))))
                .andExpect(content().string(containsString("id=\"edit-form\"")))
                .andExpect(content().string(containsString("hx-get=\"/tasks/TV-7/context\"")));
    }

    @Test
    void namesDependenciesByKeyTitleAndStateAndFoldsEmptyFieldsAndStorageBookkeepingAway() throws Exception {
        mvc.perform(get("/tasks/TV-7"))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString(DEPENDENCY_ID))))
                .andExpect(content().string(containsString("Design the schema")))
                .andExpect(content().string(containsString(">TV-3</span>")))
                .andExpect(content().string(containsString(">RUNNING</span>")))
                .andExpect(content().string(containsString("<dt>Depends on</dt>")))
                .andExpect(content().string(not(containsString("<dt>Related to</dt>"))))
                .andExpect(content().string(not(containsString(">Worktree</dt>"))))
                .andExpect(content().string(not(containsString(">History hash</dt>"))))
                .andExpect(content().string(not(containsString(">Schema version</dt>"))))
                .andExpect(content().string(not(containsString(">Target dir</dt>"))))
                .andExpect(content().string(not(containsString(">—<"))))
                .andExpect(content().string(containsString("<span class=\"tag\">api</span>")))
                .andExpect(content().string(containsString("datetime=\"2026-11-20T09:00:00Z\"")))
                .andExpect(content().string(containsString("title=\"2026-11-20 09:00:00 UTC\"")));
    }

    @Test
    void wiresFormBehaviourThroughDataAttributesSoAStrictCspHolds() throws Exception {
        mvc.perform(get("/tasks/TV-7"))
                .andExpect(content().string(not(containsString("hx-on"))))
                .andExpect(content().string(not(containsString(" onclick="))))
                .andExpect(content().string(not(containsString(" style="))))
                .andExpect(content().string(containsString("data-clear-on-success=\"#reason\"")))
                .andExpect(content().string(containsString("data-reset-on-success")));
    }

    @Test
    void answersHtmxWithTheLiveFragmentOnlyAtTheSameUrl() throws Exception {
        mvc.perform(get("/tasks/TV-7").header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"task-live\"")))
                .andExpect(content().string(not(containsString("<html"))))
                .andExpect(content().string(not(containsString("id=\"edit-form\""))));
    }

    @Test
    void runsATransitionAndAnnouncesTheChange() throws Exception {
        mvc.perform(post("/tasks/TV-7/transition").header("HX-Request", "true").param("to", "QUEUED")
                        .param("reason", "go").param("version", "3"))
                .andExpect(status().isOk())
                .andExpect(header().string("HX-Trigger", containsString("taskChanged")))
                .andExpect(content().string(containsString("id=\"task-live\"")));

        verify(tasks).transition("id-TV-7", TaskState.QUEUED, "dashboard", "go", Map.of(), 3L);
    }

    @Test
    void showsARefusedTransitionAsAMessageInTheFlashArea() throws Exception {
        given(tasks.transition(anyString(), eq(TaskState.COMPLETED), anyString(), anyString(), any(), any()))
                .willThrow(new IllegalTransitionException("TV-7", TaskState.PENDING, TaskState.COMPLETED));

        mvc.perform(post("/tasks/TV-7/transition").header("HX-Request", "true").param("to", "COMPLETED"))
                .andExpect(status().isConflict())
                .andExpect(header().string("HX-Retarget", "#flash"))
                .andExpect(content().string(containsString("role=\"alert\"")))
                .andExpect(content().string(containsString("PENDING")))
                .andExpect(content().string(not(containsString("<html"))));
    }

    @Test
    void putsEachValidationMessageNextToItsField() throws Exception {
        given(tasks.update(anyString(), any(), anyString(), any()))
                .willThrow(new InvalidTaskException("complexityScore", "must be a whole number, not 'lots'"));

        mvc.perform(post("/tasks/TV-7/edit").header("HX-Request", "true").param("complexityScore", "lots")
                        .param("was.complexityScore", ""))
                .andExpect(status().is(422))
                .andExpect(content().string(containsString("id=\"err-complexityScore\"")))
                .andExpect(content().string(containsString("must be a whole number, not &#39;lots&#39;")))
                .andExpect(content().string(containsString("value=\"lots\"")));
    }

    @Test
    void showsARefusedDependencyNextToTheDependsOnFieldAndComparesWithWhatIsStoredNow() throws Exception {
        given(tasks.update(anyString(), any(), anyString(), any()))
                .willThrow(new InvalidTaskException("dependsOn", "not linked: TV-7 → TV-3 → TV-7: TV-7 blocks TV-3 would close this cycle"));

        mvc.perform(post("/tasks/TV-7/edit").header("HX-Request", "true").param("dependsOn", "TV-3, TV-7")
                        .param("was.dependsOn", "TV-3"))
                .andExpect(status().is(422))
                .andExpect(content().string(containsString("id=\"err-dependsOn\"")))
                .andExpect(content().string(containsString("TV-7 → TV-3 → TV-7")))
                .andExpect(content().string(containsString("name=\"was.dependsOn\" value=\"TV-3\"")));
    }

    @Test
    void savesOnlyTheFieldsThatChanged() throws Exception {
        given(tasks.update(anyString(), any(), anyString(), any())).willReturn(task);

        mvc.perform(post("/tasks/TV-7/edit").header("HX-Request", "true").param("title", "Better title")
                        .param("was.title", "Title of TV-7").param("role", "backend").param("was.role", "backend"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Saved title.")));

        verify(tasks).update("id-TV-7", Map.of("title", "Better title"), "dashboard", null);
    }

    @Test
    void namesAFieldSomeoneElseChangedWhileTheFormWasOpen() throws Exception {
        mvc.perform(post("/tasks/TV-7/edit").header("HX-Request", "true").param("title", "My title")
                        .param("was.title", "The title I saw"))
                .andExpect(status().is(422))
                .andExpect(content().string(containsString("was changed meanwhile to &#39;Title of TV-7&#39;")));

        verify(tasks, never()).update(anyString(), any(), anyString(), any());
    }

    @Test
    void addsANote() throws Exception {
        mvc.perform(post("/tasks/TV-7/notes").header("HX-Request", "true").param("note", "looks fine"))
                .andExpect(status().isOk())
                .andExpect(header().string("HX-Trigger", containsString("taskChanged")));

        verify(tasks).addNote("TV-7", "looks fine", "dashboard");
    }

    @Test
    void unknownTaskGetsAFriendlyNotFoundPageNotAWhiteLabel() throws Exception {
        given(tasks.get("TV-404")).willThrow(new TaskNotFoundException("TV-404"));

        mvc.perform(get("/tasks/TV-404"))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("<html")))
                .andExpect(content().string(containsString("Task not found")))
                .andExpect(content().string(containsString("TV-404")))
                .andExpect(content().string(containsString("Back to the overview")));
    }
}

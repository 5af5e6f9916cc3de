package io.taskvault.task.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
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

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import io.taskvault.task.IllegalTransitionException;
import io.taskvault.task.Priority;
import io.taskvault.task.Task;
import io.taskvault.task.TaskPage;
import io.taskvault.task.TaskQuery;
import io.taskvault.task.TaskService;
import io.taskvault.task.TaskState;

@WebMvcTest(TaskListController.class)
@io.taskvault.security.SecuredWebSlice
@Import(BulkTasks.class)
class TaskListControllerTest {

    @Autowired
    MockMvc mvc;
    @MockitoBean
    TaskService tasks;
    @MockitoBean
    io.taskvault.task.SavedViews views;

    private void listing(long total, Task... found) {
        given(tasks.list(any())).willReturn(new TaskPage(List.of(found), total, 0, TaskFilter.PAGE_SIZE, null));
    }

    @Test
    void rendersTheFilterBarAndTheMatchingTasksAsAFullPage() throws Exception {
        listing(1, WebFixtures.task("TV-1", TaskState.FAILED));

        mvc.perform(get("/tasks"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<html")))
                .andExpect(content().string(containsString("id=\"filters\"")))
                .andExpect(content().string(containsString("href=\"/tasks/TV-1\"")))
                .andExpect(content().string(containsString("1 task")));
    }

    @Test
    void answersHtmxWithOnlyTheResultsFragmentAtTheSameUrl() throws Exception {
        listing(1, WebFixtures.task("TV-1", TaskState.FAILED));

        mvc.perform(get("/tasks").header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"results\"")))
                .andExpect(content().string(not(containsString("id=\"filters\""))))
                .andExpect(content().string(not(containsString("<html"))));
    }

    @Test
    void turnsEveryFilterParameterIntoTheServiceQuery() throws Exception {
        listing(0);

        mvc.perform(get("/tasks").param("state", "FAILED", "RUNNING").param("role", "backend").param("provider", "claude")
                        .param("priority", "HIGH").param("tags", "api, db").param("q", "login bug")
                        .param("from", "2026-11-01").param("to", "2026-11-02").param("sort", "KEY").param("desc", "false")
                        .param("page", "3"))
                .andExpect(status().isOk());

        ArgumentCaptor<TaskQuery> query = ArgumentCaptor.forClass(TaskQuery.class);
        verify(tasks, org.mockito.Mockito.atLeastOnce()).list(query.capture());
        TaskQuery q = query.getAllValues().get(0);
        assertThat(q.states()).containsExactlyInAnyOrder(TaskState.FAILED, TaskState.RUNNING);
        assertThat(q.roles()).containsExactly("backend");
        assertThat(q.providers()).containsExactly("claude");
        assertThat(q.priorities()).containsExactly(Priority.HIGH);
        assertThat(q.tags()).containsExactlyInAnyOrder("api", "db");
        assertThat(q.text()).isEqualTo("login bug");
        assertThat(q.createdFrom()).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
        assertThat(q.createdTo()).isEqualTo(Instant.parse("2026-11-02T23:59:59.999Z"));
        assertThat(q.sort()).isEqualTo(TaskQuery.SortField.KEY);
        assertThat(q.descending()).isFalse();
        assertThat(q.offset()).isEqualTo(2 * TaskFilter.PAGE_SIZE);
    }

    @Test
    void filtersByStoryEpicAndPersonaAndKeepsThemInThePageLinks() throws Exception {
        listing(60, WebFixtures.task("TV-1", TaskState.FAILED));

        mvc.perform(get("/tasks").param("storyId", "STORY-9").param("epicId", "EPIC 2").param("persona", "qa"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"f-story\" name=\"storyId\" value=\"STORY-9\"")))
                .andExpect(content().string(containsString("/tasks?storyId=STORY-9&amp;epicId=EPIC%202&amp;persona=qa&amp;sort=UPDATED")));

        ArgumentCaptor<TaskQuery> query = ArgumentCaptor.forClass(TaskQuery.class);
        verify(tasks, org.mockito.Mockito.atLeastOnce()).list(query.capture());
        TaskQuery q = query.getAllValues().get(0);
        assertThat(q.storyIds()).containsExactly("STORY-9");
        assertThat(q.epicIds()).containsExactly("EPIC 2");
        assertThat(q.personas()).containsExactly("qa");
    }

    @Test
    void keepsTheFilterInSortAndPageLinks() throws Exception {
        listing(60, WebFixtures.task("TV-1", TaskState.FAILED));

        mvc.perform(get("/tasks").param("state", "FAILED").param("q", "a&b"))
                .andExpect(content().string(containsString("/tasks?state=FAILED&amp;q=a%26b&amp;sort=KEY&amp;desc=true")))
                .andExpect(content().string(containsString("Page 1 of 3")))
                .andExpect(content().string(containsString("page=2")));
    }

    @Test
    void pagesForwardWithTheServiceCursorSoDeepPagesNeedNoOffset() throws Exception {
        given(tasks.list(any())).willReturn(new TaskPage(List.of(WebFixtures.task("TV-1", TaskState.FAILED)), 100_000, 0,
                TaskFilter.PAGE_SIZE, "CURSOR-2"));

        mvc.perform(get("/tasks").param("state", "FAILED"))
                .andExpect(content().string(containsString("page=2&amp;after=CURSOR-2")))
                .andExpect(content().string(containsString("Page 1 of 4000")));

        mvc.perform(get("/tasks").param("state", "FAILED").param("page", "2").param("after", "CURSOR-2")
                        .header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("hx-get=\"/tasks?state=FAILED&amp;sort=UPDATED&amp;desc=true&amp;page=2&amp;after=CURSOR-2\"")));
        ArgumentCaptor<TaskQuery> query = ArgumentCaptor.forClass(TaskQuery.class);
        verify(tasks, org.mockito.Mockito.atLeastOnce()).list(query.capture());
        TaskQuery last = query.getValue();
        assertThat(last.cursor()).isEqualTo("CURSOR-2");
        assertThat(last.offset()).isZero();
    }

    @Test
    void pagesBackWithACursorReadInTheReversedOrderAndShowsTheRowsInTheirOrder() throws Exception {
        given(tasks.list(any())).willReturn(new TaskPage(List.of(WebFixtures.task("TV-3", TaskState.FAILED),
                WebFixtures.task("TV-4", TaskState.FAILED)), 100_000, 0, TaskFilter.PAGE_SIZE, "AT-FIRST-ROW"));
        given(tasks.cursorAfterFirst(any())).willReturn("AFTER-LAST-ROW");

        mvc.perform(get("/tasks").param("page", "7").param("before", "AT-ROW-AFTER"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.matchesPattern("(?s).*TV-4.*TV-3.*")))
                .andExpect(content().string(containsString("page=6&amp;before=AT-FIRST-ROW")))
                .andExpect(content().string(containsString("page=8&amp;after=AFTER-LAST-ROW")));
        ArgumentCaptor<TaskQuery> query = ArgumentCaptor.forClass(TaskQuery.class);
        verify(tasks).list(query.capture());
        TaskQuery reversed = query.getValue();
        assertThat(reversed.cursor()).isEqualTo("AT-ROW-AFTER");
        assertThat(reversed.descending()).isFalse();
        ArgumentCaptor<TaskQuery> next = ArgumentCaptor.forClass(TaskQuery.class);
        verify(tasks).cursorAfterFirst(next.capture());
        assertThat(next.getValue().descending()).as("the next page starts after the last row shown").isFalse();
        assertThat(next.getValue().offset()).isZero();
    }

    @Test
    void explainsABadFilterValueInlineInsteadOfFailing() throws Exception {
        mvc.perform(get("/tasks").param("state", "SLEEPING"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("state: &#39;SLEEPING&#39; is not one of PENDING")));
        verify(tasks, never()).list(any());
    }

    @Test
    void takesRestsAndTheShellsWordsInAnyCaseAndTheSourceDesignsSpellings() throws Exception {
        listing(0);

        mvc.perform(get("/tasks").param("states", "failed").param("state", "In-Progress").param("search", "login")
                        .param("priority", "high").param("sort", "priority").param("tag", "api"))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("filter-errors"))));

        ArgumentCaptor<TaskQuery> query = ArgumentCaptor.forClass(TaskQuery.class);
        verify(tasks, org.mockito.Mockito.atLeastOnce()).list(query.capture());
        TaskQuery q = query.getAllValues().get(0);
        assertThat(q.states()).containsExactlyInAnyOrder(TaskState.FAILED, TaskState.RUNNING);
        assertThat(q.text()).isEqualTo("login");
        assertThat(q.priorities()).containsExactly(Priority.HIGH);
        assertThat(q.sort()).isEqualTo(TaskQuery.SortField.PRIORITY);
        assertThat(q.tags()).containsExactly("api");
    }

    @Test
    void namesAnUnknownParameterWithTheClosestFilterInsteadOfListingEverything() throws Exception {
        mvc.perform(get("/tasks").param("stat", "FAILED"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("&#39;stat&#39; is not a filter of this list; did you mean &#39;state&#39;?")));
        verify(tasks, never()).list(any());
    }

    @Test
    void opensASavedViewWithTheFiltersSetBesideItInPlaceOfItsOwnAndShowsItsSort() throws Exception {
        listing(0);
        TaskQuery opened = TaskQuery.all().withStates(Set.of(TaskState.FAILED)).withRoles(Set.of("qa"))
                .sortedBy(TaskQuery.SortField.PRIORITY, false);
        given(views.open(eq("failed"), any(), eq(false))).willReturn(opened);
        given(views.names()).willReturn(List.of("failed", "mine"));

        mvc.perform(get("/tasks").param("view", "failed").param("role", "qa"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Showing view <strong>failed</strong>")))
                .andExpect(content().string(containsString("href=\"/tasks?view=mine\"")))
                .andExpect(content().string(containsString("action=\"/preferences/views\"")))
                .andExpect(content().string(containsString("hx-get=\"/tasks?view=failed&amp;role=qa&amp;sort=PRIORITY&amp;desc=false\"")));

        ArgumentCaptor<TaskQuery> given = ArgumentCaptor.forClass(TaskQuery.class);
        verify(views).open(eq("failed"), given.capture(), eq(false));
        assertThat(given.getValue().roles()).containsExactly("qa");
        ArgumentCaptor<TaskQuery> listed = ArgumentCaptor.forClass(TaskQuery.class);
        verify(tasks).list(listed.capture());
        assertThat(listed.getValue().states()).containsExactly(TaskState.FAILED);
        assertThat(listed.getValue().sort()).isEqualTo(TaskQuery.SortField.PRIORITY);
        assertThat(listed.getValue().descending()).isFalse();
        assertThat(listed.getValue().limit()).isEqualTo(TaskFilter.PAGE_SIZE);
    }

    @Test
    void namesAnUnknownViewWithTheClosestOneInsteadOfListingEverything() throws Exception {
        given(views.open(eq("faild"), any(), anyBoolean()))
                .willThrow(new io.taskvault.task.InvalidTaskException("view", "no saved view 'faild'; did you mean 'failed'?"));

        mvc.perform(get("/tasks").param("view", "faild"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("no saved view &#39;faild&#39;; did you mean &#39;failed&#39;?")));
        verify(tasks, never()).list(any());
    }

    @Test
    void escapesUserTextInTitles() throws Exception {
        Task hostile = WebFixtures.task("TV-2", TaskState.PENDING);
        hostile.setTitle("<script>alert(1)</script>");
        listing(1, hostile);

        mvc.perform(get("/tasks"))
                .andExpect(content().string(containsString("&lt;script&gt;alert(1)&lt;/script&gt;")))
                .andExpect(content().string(not(containsString("<script>alert(1)"))));
    }

    @Test
    void confirmationCountsTheSelectedTasks() throws Exception {
        mvc.perform(post("/tasks/bulk/confirm").header("HX-Request", "true").param("action", "RETRY")
                        .param("selected", "TV-1", "TV-2"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Retry the 2 selected tasks?")))
                .andExpect(content().string(containsString("data-dismiss=\".confirm\"")))
                .andExpect(content().string(not(containsString("onclick"))));
    }

    @Test
    void confirmationCountsEveryRetryableMatchOfTheFilterWhenNothingIsSelected() throws Exception {
        listing(42);

        mvc.perform(post("/tasks/bulk/confirm").header("HX-Request", "true").param("action", "RETRY").param("role", "backend"))
                .andExpect(content().string(containsString("Retry all 42 failed or interrupted tasks that match the filter?")));

        ArgumentCaptor<TaskQuery> query = ArgumentCaptor.forClass(TaskQuery.class);
        verify(tasks).list(query.capture());
        assertThat(query.getValue().states()).containsExactlyInAnyOrder(TaskState.FAILED, TaskState.INTERRUPTED);
        assertThat(query.getValue().roles()).containsExactly("backend");
    }

    @Test
    void bulkActionReportsWhichTasksItChangedAndWhyOthersFailed() throws Exception {
        given(tasks.retry(eq("TV-1"), anyString(), anyString())).willReturn(WebFixtures.task("TV-1", TaskState.PENDING));
        given(tasks.retry(eq("TV-2"), anyString(), anyString()))
                .willThrow(new IllegalTransitionException("TV-2", TaskState.COMPLETED, TaskState.PENDING));

        mvc.perform(post("/tasks/bulk").header("HX-Request", "true").param("action", "RETRY").param("selected", "TV-1", "TV-2"))
                .andExpect(status().isOk())
                .andExpect(header().string("HX-Trigger", containsString("taskChanged")))
                .andExpect(content().string(containsString("Retry: 1 of 2 changed.")))
                .andExpect(content().string(containsString("TV-2")));
    }

    @Test
    void bulkActionOverTheWholeFilterWalksEveryMatchingTask() throws Exception {
        Task one = WebFixtures.task("TV-1", TaskState.FAILED);
        Task two = WebFixtures.task("TV-2", TaskState.FAILED);
        given(tasks.list(any())).willReturn(new TaskPage(List.of(one, two), 2, 0, TaskQuery.MAX_LIMIT, null));
        given(tasks.retry(anyString(), anyString(), anyString())).willReturn(one);

        mvc.perform(post("/tasks/bulk").header("HX-Request", "true").param("action", "RETRY").param("state", "FAILED"))
                .andExpect(content().string(containsString("Retry: 2 of 2 changed.")));

        verify(tasks).retry(eq("TV-1"), anyString(), anyString());
        verify(tasks).retry(eq("TV-2"), anyString(), anyString());
        ArgumentCaptor<TaskQuery> query = ArgumentCaptor.forClass(TaskQuery.class);
        verify(tasks).list(query.capture());
        assertThat(query.getValue().states()).isEqualTo(Set.of(TaskState.FAILED));
    }
}

package io.taskvault.task.web;

import static io.taskvault.support.TaskDrafts.aTask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import io.taskvault.support.EmbeddedStoreTest;
import io.taskvault.task.Task;
import io.taskvault.task.TaskService;

/** Next and Previous walk the real store with cursors and land on exactly the same rows both ways. */
@EmbeddedStoreTest
class TaskListPagingTest {

    private static final Pattern ROW = Pattern.compile("data-key=\"(TV-\\d+)\"");

    @Autowired
    MockMvc mvc;
    @Autowired
    TaskService tasks;

    @Test
    void walksForwardAndBackWithCursorsOverTiedSortValues() throws Exception {
        //why: the application context (and its store) is shared with other test classes; the filter isolates ours
        String title = "paging" + System.nanoTime();
        List<String> all = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            Task t = tasks.create(aTask().titled(title).build(), "test");
            all.add(t.getKey());
        }
        //why: sorted by title every value ties, so the order rests on the cursor's id tie-break alone
        String first = "/tasks?q=" + title + "&sort=TITLE&desc=false";
        Page one = read(first);
        Page two = read(one.next);
        Page three = read(two.next);
        assertThat(two.next).contains("after=");
        assertThat(one.rows).hasSize(25);
        assertThat(two.rows).hasSize(25);
        assertThat(three.rows).hasSize(10);
        List<String> seen = new ArrayList<>(one.rows);
        seen.addAll(two.rows);
        seen.addAll(three.rows);
        assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(all);
        assertThat(three.next).isNull();

        assertThat(three.prev).contains("before=");
        Page backToTwo = read(three.prev);
        assertThat(backToTwo.rows).containsExactlyElementsOf(two.rows);
        Page backToOne = read(backToTwo.prev);
        assertThat(backToOne.rows).containsExactlyElementsOf(one.rows);
        assertThat(read(backToTwo.next).rows).containsExactlyElementsOf(three.rows);
    }

    private Page read(String url) throws Exception {
        String html = mvc.perform(get(url)).andReturn().getResponse().getContentAsString();
        List<String> rows = new ArrayList<>();
        Matcher m = ROW.matcher(html);
        while (m.find()) {
            rows.add(m.group(1));
        }
        return new Page(rows, link(html, "next"), link(html, "prev"));
    }

    private static String link(String html, String rel) {
        Matcher m = Pattern.compile("<a href=\"([^\"]*)\"[^>]*rel=\"" + rel + "\"").matcher(html);
        return m.find() ? m.group(1).replace("&amp;", "&") : null;
    }

    private record Page(List<String> rows, String next, String prev) {
    }
}

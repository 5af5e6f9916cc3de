package io.taskvault.task.web;

import static io.taskvault.support.TaskDrafts.aTask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import io.taskvault.TaskvaultApplication;
import io.taskvault.store.StoreProperties;
import io.taskvault.support.EmbeddedStoreTest;
import io.taskvault.task.Task;
import io.taskvault.task.TaskService;
import io.taskvault.task.TaskState;

/** A task changed by a second taskvault attached to this one's store shows up in this one's live refresh. */
@EmbeddedStoreTest
class LiveRefreshAcrossProcessesTest {

    private static final Pattern VERSION = Pattern.compile("/live\\?v=(\\d+)");

    @Autowired
    MockMvc mvc;
    @Autowired
    TaskService tasks;
    //why: the path as resolved once; the property names a random folder that each resolution draws anew
    @Autowired
    StoreProperties store;

    @Test
    void aChangeBySecondProcessReachesTheDashboardWithinTwoSeconds() throws Exception {
        Task task = tasks.create(aTask().build(), "alice");
        try (ConfigurableApplicationContext second = attachSecondProcess()) {
            long seen = version();
            assertThat(mvc.perform(get("/live").param("v", String.valueOf(seen)).header("HX-Request", "true"))
                    .andReturn().getResponse().getStatus()).as("nothing changed yet").isEqualTo(204);

            second.getBean(TaskService.class).transition(task.getId(), TaskState.QUEUED, "bob", "from the other process");

            await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> {
                MvcResult poll = mvc.perform(get("/live").param("v", String.valueOf(seen)).header("HX-Request", "true"))
                        .andReturn();
                assertThat(poll.getResponse().getStatus()).isEqualTo(200);
                assertThat(poll.getResponse().getHeader("HX-Trigger")).contains(LiveController.EVENT);
            });
            assertThat(tasks.get(task.getId()).getState()).isEqualTo(TaskState.QUEUED);
        }
    }

    private long version() throws Exception {
        String poller = mvc.perform(get("/live").param("v", "-1").header("HX-Request", "true")).andReturn()
                .getResponse().getContentAsString();
        Matcher matcher = VERSION.matcher(poller);
        assertThat(matcher.find()).as("a poller in " + poller).isTrue();
        return Long.parseLong(matcher.group(1));
    }

    //why: a process of its own in all but the JVM: the data file is held, so it works through this one's store port
    private ConfigurableApplicationContext attachSecondProcess() {
        return new SpringApplicationBuilder(TaskvaultApplication.class).web(WebApplicationType.NONE)
                .properties("spring.shell.interactive.enabled=false", "taskvault.store.path=" + store.path().toAbsolutePath(),
                        "taskvault.store.attach=true")
                .run();
    }
}

package io.taskvault.task;

import static io.taskvault.support.TaskDrafts.aTask;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.nio.file.Path;
import java.time.Instant;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.model.Filters;

import io.taskvault.TaskvaultApplication;
import io.taskvault.store.EmbeddedMongoServer;
import io.taskvault.store.StoreInfo;
import io.taskvault.task.history.EventType;
import io.taskvault.task.history.HistoryEvent;

/**
 * A process killed between a change's event and its projection: the next start-up completes the change, and checks
 * only the tasks written since the killed process began, not every task.
 */
class CutChangeRestartTest {

    @TempDir
    Path folder;

    @Test
    void aCrashBetweenEventAndProjectionIsCompletedAtStartUpByCheckingOnlyWhatTheCrashedProcessWrote() throws Exception {
        String cutId;
        try (ConfigurableApplicationContext earlier = start()) {
            TaskService tasks = earlier.getBean(TaskService.class);
            for (int i = 0; i < 5; i++) {
                tasks.create(aTask().build(), "alice");
            }
        }
        try (ConfigurableApplicationContext first = start()) {
            assertThat(first.getBean(CrashRepair.class).lastResult().checked()).as("after a clean close").isZero();
            TaskService tasks = first.getBean(TaskService.class);
            Task cut = tasks.create(aTask().titled("Cut in two by a crash").build(), "alice");
            cutId = cut.getId();
            EmbeddedMongoServer server = first.getBean(StoreInfo.class).embeddedServer().orElseThrow();
            server.committer().checkpoint();

            writeOnlyTheEvent(first, cut, TaskState.QUEUED);
            halt(server);
        }
        try (ConfigurableApplicationContext second = start()) {
            CrashRepair.Result repair = second.getBean(CrashRepair.class).lastResult();
            assertThat(repair.checked()).as("tasks checked: only the one the crashed process wrote, of 6").isEqualTo(1);
            assertThat(repair.repaired()).isEqualTo(1);
            Document raw = second.getBean(MongoTemplate.class).getCollection(Task.COLLECTION)
                    .find(Filters.eq("_id", cutId)).first();
            assertThat(raw).containsEntry("state", "QUEUED").containsEntry("version", 2L);
            assertThat(second.getBean(TaskService.class).verify(cutId).intact()).isTrue();
        }
    }

    /** The first of a transition's two writes, as TaskWriter makes it; the process dies before the second. */
    private static void writeOnlyTheEvent(ConfigurableApplicationContext app, Task current, TaskState to) {
        Task next = app.getBean(TaskDocuments.class).copy(current);
        next.setState(to);
        HistoryEvent event = HistoryEvent.of(current.getId(), 2, EventType.STATE_CHANGED).moved(current.getState(), to)
                .at(Instant.now()).by("bob").reason("go").changes(app.getBean(TaskDocuments.class).diff(current, next))
                .after(current.getHistoryHash()).build();
        HistoryStore history = app.getBean(HistoryStore.class);
        history.insert(history.seal(event));
    }

    private static void halt(EmbeddedMongoServer server) throws Exception {
        Method halt = EmbeddedMongoServer.class.getDeclaredMethod("haltAbruptly");
        halt.setAccessible(true);
        halt.invoke(server);
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(TaskvaultApplication.class).web(WebApplicationType.NONE)
                .properties("spring.shell.interactive.enabled=false",
                        "taskvault.store.path=" + folder.resolve("taskvault.mv"), "taskvault.store.cache-size-mb=32",
                        //why: no checkpoint may carry the cut change into the data file before the simulated crash
                        "taskvault.store.checkpoint-interval=1h")
                .run();
    }
}

package io.taskvault.archive;

import static io.taskvault.support.TaskDrafts.aTask;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.taskvault.recovery.MovableClock;
import io.taskvault.recovery.OpsTest;
import io.taskvault.store.EmbeddedMongoServer;
import io.taskvault.store.StoreInfo;
import io.taskvault.task.Task;
import io.taskvault.task.TaskService;
import io.taskvault.task.TaskState;

/** After archival the embedded data file is compacted and gives the archived tasks' space back to the disk. */
@OpsTest
//why: its own application and so its own fresh store: in the shared one, other tests' live chunks at the end of
//    the file leave compaction nothing it may cut, whatever archival freed
@org.springframework.test.context.TestPropertySource(properties = "taskvault.test.own-store=compaction")
class ArchivalCompactionTest {

    @Autowired
    TaskService tasks;
    @Autowired
    ArchivalJob job;
    @Autowired
    StoreInfo store;
    @Autowired
    MovableClock clock;

    @Test
    void theDataFileShrinksAfterArchivingMostTasks() {
        String bulk = "the same long description, again and again; ".repeat(200);
        List<Task> finished = IntStream.range(0, 300).mapToObj(i -> {
            Task task = tasks.create(aTask().describedAs(bulk + i).build(), "test");
            return tasks.transition(task.getId(), TaskState.CANCELLED, "test", "not needed");
        }).toList();
        EmbeddedMongoServer server = store.embeddedServer().orElseThrow();
        server.committer().checkpoint();
        long before = server.fileSize();
        clock.advance(Duration.ofDays(91));

        ArchivalReport report = job.run(false);

        assertThat(report.archived()).hasSizeGreaterThanOrEqualTo(finished.size());
        assertThat(report.compacted()).isPositive();
        assertThat(server.fileSize()).isLessThan(before);
        assertThat(report.summary()).contains("compaction returned " + report.compacted() + " bytes");
        Task after = tasks.create(aTask().build(), "test");
        assertThat(tasks.get(after.getId()).getTitle()).isEqualTo(after.getTitle());
        assertThat(tasks.find(finished.get(0).getId())).isEmpty();
    }
}

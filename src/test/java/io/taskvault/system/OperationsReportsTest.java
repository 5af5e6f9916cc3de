package io.taskvault.system;

import static io.taskvault.support.TaskDrafts.aTask;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.model.Filters;

import io.taskvault.TaskvaultApplication;
import io.taskvault.archive.ArchivalJob;
import io.taskvault.archive.ArchivalReport;
import io.taskvault.backup.BackupInfo;
import io.taskvault.backup.Backups;
import io.taskvault.integrity.IntegrityCheck;
import io.taskvault.integrity.IntegrityReport;
import io.taskvault.recovery.MovableClock;
import io.taskvault.recovery.OpsTest;
import io.taskvault.store.StoreInfo;
import io.taskvault.task.Task;
import io.taskvault.task.TaskService;
import io.taskvault.task.TaskState;

/** The last archival, backup and integrity reports are stored, so another process (or a restart) still shows them. */
@OpsTest
class OperationsReportsTest {

    @Autowired
    TaskService tasks;
    @Autowired
    ArchivalJob archival;
    @Autowired
    IntegrityCheck integrity;
    @Autowired
    Backups backups;
    @Autowired
    StoreInfo store;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    MovableClock clock;

    @Test
    void theLastReportsOutliveTheProcessThatWroteThem() {
        Task task = tasks.create(aTask().build(), "test");
        tasks.transition(task.getId(), TaskState.CANCELLED, "test", "not needed");
        clock.advance(Duration.ofDays(91));
        ArchivalReport archived = archival.run(false);
        IntegrityReport checked = integrity.verifyAll();
        BackupInfo backup = backups.create();

        Document stored = mongo.getCollection(OperationsReports.COLLECTION).find(Filters.eq("_id", "archival")).first();
        assertThat(stored.getInteger("schemaVersion")).isEqualTo(OperationsReports.SCHEMA_VERSION);
        String uri = store.embeddedServer().orElseThrow().connectionString();
        try (ConfigurableApplicationContext other = new SpringApplicationBuilder(TaskvaultApplication.class)
                .web(WebApplicationType.NONE)
                .properties("spring.mongodb.uri=" + uri, "spring.shell.interactive.enabled=false",
                        "taskvault.scheduling.enabled=false")
                .run()) {
            ArchivalReport archivedThere = other.getBean(ArchivalJob.class).lastReport().orElseThrow();
            assertThat(archivedThere.archived()).isEqualTo(archived.archived());
            assertThat(archivedThere.bytesSaved()).isEqualTo(archived.bytesSaved());
            assertThat(archivedThere.compacted()).isEqualTo(archived.compacted());
            assertThat(archivedThere.startedAt()).isEqualTo(archived.startedAt());
            assertThat(other.getBean(ArchivalJob.class).status().lastReport()).isNotNull();
            assertThat(other.getBean(IntegrityCheck.class).lastReport().orElseThrow().checked()).isEqualTo(checked.checked());
            assertThat(other.getBean(Backups.class).lastReport().orElseThrow().backup()).isEqualTo(backup.name());
        }
    }
}

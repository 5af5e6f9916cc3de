package io.taskvault.backup;

import static io.taskvault.support.TaskDrafts.aTask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import io.taskvault.integrity.IntegrityCheck;
import io.taskvault.recovery.LeaseRecovery;
import io.taskvault.recovery.MovableClock;
import io.taskvault.recovery.OpsTest;
import io.taskvault.task.Task;
import io.taskvault.task.TaskService;
import io.taskvault.task.TaskState;
import io.taskvault.task.history.HistoryEvent;
import io.taskvault.task.output.OutputDraft;
import io.taskvault.task.output.OutputType;

@OpsTest
class BackupsTest {

    @Autowired
    TaskService tasks;
    @Autowired
    Backups backups;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    IntegrityCheck integrity;
    @Autowired
    MovableClock clock;
    @Autowired
    BackupProperties properties;
    @Autowired
    LeaseRecovery recovery;

    //why: the store is shared with other operations tests, whose running tasks may hold leases the moved clock has
    //    expired; judged first, a restore's recovery pass then changes only what a test puts in its backup
    @BeforeEach
    void recoverLeasesOtherTestsLeftExpired() {
        recovery.recover();
    }

    private static void dropZeroCounts(Document document) {
        document.values().forEach(value -> {
            if (value instanceof Document nested) {
                dropZeroCounts(nested);
            }
        });
        document.entrySet().removeIf(entry -> entry.getValue() instanceof Number number && number.longValue() == 0
                && !(entry.getKey().equals("total") || entry.getKey().equals("writes")));
    }

    private Map<String, List<Document>> everything() {
        Map<String, List<Document>> all = new LinkedHashMap<>();
        //why: job locks, the last operation's report (a restore writes one) and the processes' sessions
        // are about the run, not the data
        for (String name : mongo.getCollectionNames().stream()
                .filter(n -> !List.of("shedLock", "ops_reports", "store_sessions").contains(n)).sorted().toList()) {
            List<Document> documents = new ArrayList<>();
            mongo.getCollection(name).find().into(documents);
            //why: the statistics' counters are recounted after a restore; the counts must agree, not the recount's time,
            //    nor a count of 0 that the writes kept (a state whose last task left it) and a recount leaves out
            if (name.equals("task_statistics")) {
                documents.forEach(document -> {
                    document.remove("recountedAt");
                    dropZeroCounts(document);
                });
            }
            documents.sort(Comparator.comparing(d -> String.valueOf(d.get("_id"))));
            all.put(name, documents);
        }
        return all;
    }

    private void wipe() {
        mongo.getCollectionNames().forEach(name -> mongo.getCollection(name).deleteMany(new Document()));
    }

    @Test
    void backupWipeRestoreGivesBackIdenticalDataWhoseChainsVerify() throws IOException {
        Task task = tasks.create(aTask().build(), "test");
        tasks.transition(task.getId(), TaskState.QUEUED, "test", "queued");
        tasks.appendOutput(task.getId(), OutputDraft.text(OutputType.LOG, "y".repeat(300 * 1024)), "test");
        Task second = tasks.create(aTask().withTags("second").build(), "test");
        Map<String, List<Document>> before = everything();
        //why: the store is shared with the integrity tests, whose tampered tasks must come back tampered, no more
        var findingsBefore = integrity.verifyAll().findings();
        clock.advance(Duration.ofSeconds(1));

        BackupInfo backup = backups.create();
        wipe();
        backups.restore(backup.name(), false);

        assertThat(everything()).isEqualTo(before);
        assertThat(backup.collections()).containsKeys("tasks", "task_history", "outputs.files", "outputs.chunks");
        assertThat(integrity.verifyAll().findings()).isEqualTo(findingsBefore);
        assertThat(tasks.verify(task.getId()).intact()).isTrue();
        assertThat(tasks.verify(second.getId()).intact()).isTrue();
        try (InputStream in = tasks.openOutput(tasks.output(task.getId(), 1))) {
            assertThat(in.readAllBytes()).hasSize(300 * 1024);
        }
    }

    @Test
    void refusesToRestoreOverDataUnlessForced() {
        tasks.create(aTask().build(), "test");
        clock.advance(Duration.ofSeconds(1));
        BackupInfo backup = backups.create();
        Task later = tasks.create(aTask().build(), "test");

        assertThatThrownBy(() -> backups.restore(backup.name(), false)).isInstanceOf(BackupRefusedException.class)
                .hasMessageContaining("The store is not empty (");

        backups.restore(backup.name(), true);
        assertThat(tasks.find(later.getId())).isEmpty();
    }

    @Test
    void aRestoreBacksUpTheStateItReplacesSoRestoringThatBackupUndoesIt() {
        Task kept = tasks.create(aTask().titled("before the backup").build(), "test");
        clock.advance(Duration.ofSeconds(1));
        BackupInfo a = backups.create();
        Task added = tasks.create(aTask().titled("after the backup").build(), "test");
        tasks.transition(kept.getId(), TaskState.QUEUED, "test", "changed after the backup");
        Map<String, List<Document>> changed = everything();

        RestoreResult undoable = backups.restore(a.name(), true);

        assertThat(undoable.restored().name()).isEqualTo(a.name());
        assertThat(undoable.undoBackup()).isNotEqualTo(a.name()).contains("before-restore");
        assertThat(backups.list()).extracting(BackupInfo::name).contains(undoable.undoBackup());
        assertThat(backups.lastReport()).hasValueSatisfying(r -> assertThat(r.undoBackup()).isEqualTo(undoable.undoBackup()));
        assertThat(tasks.find(added.getId())).isEmpty();
        assertThat(tasks.get(kept.getId()).getState()).isEqualTo(TaskState.PENDING);

        RestoreResult undone = backups.restore(undoable.undoBackup(), true);

        assertThat(everything()).isEqualTo(changed);
        assertThat(tasks.get(added.getId()).getTitle()).isEqualTo("after the backup");
        assertThat(tasks.get(kept.getId()).getState()).isEqualTo(TaskState.QUEUED);
        assertThat(undone.undoBackup()).isNotIn(a.name(), undoable.undoBackup());
    }

    @Test
    void aRestoreInterruptsTheTasksRunningInTheBackupWhoseLeaseHasSinceExpired() {
        Task task = tasks.create(aTask().titled("running when backed up").build(), "test");
        tasks.transition(task.getId(), TaskState.QUEUED, "test", "queued");
        tasks.transition(task.getId(), TaskState.RUNNING, "worker", "started");
        clock.advance(Duration.ofSeconds(1));
        BackupInfo backup = backups.create();
        tasks.transition(task.getId(), TaskState.COMPLETED, "worker", "finished after the backup");
        clock.advance(Duration.ofMinutes(11));

        backups.restore(backup.name(), true);

        assertThat(tasks.get(task.getId()).getState()).isEqualTo(TaskState.INTERRUPTED);
        List<HistoryEvent> history = tasks.history(task.getId());
        HistoryEvent last = history.get(history.size() - 1);
        assertThat(last.fromState()).isEqualTo(TaskState.RUNNING);
        assertThat(last.actor()).isEqualTo("recovery");
        assertThat(last.reason()).startsWith("lease expired");
        assertThat(recovery.lastReport()).hasValueSatisfying(r -> assertThat(r.interrupted()).contains(task.getKey()));
    }

    @Test
    void verifyNamesADamagedFile() throws IOException {
        tasks.create(aTask().build(), "test");
        clock.advance(Duration.ofSeconds(1));
        BackupInfo backup = backups.create();
        assertThat(backups.verify(backup.name())).isEmpty();
        Path file = properties.folder().resolve(backup.name()).resolve("tasks.jsonl.gz");
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(raf.length() / 2);
            int b = raf.read();
            raf.seek(raf.length() / 2);
            raf.write(b ^ 0xFF);
        }

        assertThat(backups.verify(backup.name())).singleElement().asString().startsWith("tasks: checksum is ");
        assertThatThrownBy(() -> backups.restore(backup.name(), true)).isInstanceOf(BackupRefusedException.class);
    }

    @Test
    void listsNewestFirstAndPrunesPastTheRetention() {
        clock.advance(Duration.ofSeconds(1));
        BackupInfo old = backups.create();
        clock.advance(Duration.ofDays(31));
        BackupInfo recent = backups.create();

        assertThat(backups.list()).extracting(BackupInfo::name).startsWith(recent.name());
        assertThat(backups.prune()).contains(old.name()).doesNotContain(recent.name());
        assertThat(backups.list()).extracting(BackupInfo::name).doesNotContain(old.name());
    }
}

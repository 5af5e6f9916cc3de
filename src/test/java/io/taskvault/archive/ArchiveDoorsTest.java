package io.taskvault.archive;

import static io.taskvault.support.TaskDrafts.aTask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;

import org.bson.Document;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.shell.test.ShellScreen;
import org.springframework.shell.test.ShellTestClient;
import org.springframework.test.web.servlet.MockMvc;

import io.taskvault.recovery.MovableClock;
import io.taskvault.recovery.OpsDoorsTest;
import io.taskvault.task.Task;
import io.taskvault.task.TaskNotFoundException;
import io.taskvault.task.TaskService;
import io.taskvault.task.TaskState;

/** The archive through REST and the shell: status, runs, search, verify, restore, and unknown tasks. */
@OpsDoorsTest
class ArchiveDoorsTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ShellTestClient shell;
    @Autowired
    TaskService tasks;
    @Autowired
    Archive archive;
    @Autowired
    MovableClock clock;
    @Autowired
    CacheManager caches;
    @Autowired
    MongoTemplate mongo;

    private Task oldAndCancelled() {
        Task task = tasks.create(aTask().withTags("doors").build(), "test");
        tasks.transition(task.getId(), TaskState.CANCELLED, "test", "not needed");
        clock.advance(Duration.ofDays(91));
        return task;
    }

    private static java.time.Instant instant(Document stored, String field) {
        java.util.Date date = stored.getDate(field);
        return date == null ? null : date.toInstant();
    }

    private static String text(ShellScreen screen) {
        return String.join("\n", screen.lines());
    }

    @Test
    void restArchivesShowsTheReportAndTheArchivedOnDateThenRestores() throws Exception {
        Task task = oldAndCancelled();

        mvc.perform(post("/api/archive/run").param("dryRun", "true")).andExpect(status().isOk())
                .andExpect(jsonPath("$.dryRun").value(true)).andExpect(jsonPath("$.archived", hasItem(task.getKey())));
        assertThat(tasks.get(task.getId()).getState()).isEqualTo(TaskState.CANCELLED);

        mvc.perform(post("/api/archive/run")).andExpect(status().isOk())
                .andExpect(jsonPath("$.archived", hasItem(task.getKey())))
                .andExpect(jsonPath("$.originalBytes").isNumber()).andExpect(jsonPath("$.bundleBytes").isNumber());
        mvc.perform(get("/api/archive")).andExpect(status().isOk())
                .andExpect(jsonPath("$.nextRun").isNotEmpty())
                .andExpect(jsonPath("$.lastReport.archived", hasItem(task.getKey())));
        mvc.perform(get("/api/archive/tasks/" + task.getKey())).andExpect(status().isOk())
                .andExpect(jsonPath("$.archivedAt").isNotEmpty()).andExpect(jsonPath("$.stateBefore").value("CANCELLED"));
        mvc.perform(get("/api/archive/tasks").param("q", task.getKey())).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].key").value(task.getKey()));
        mvc.perform(get("/api/archive/tasks/" + task.getKey() + "/verify")).andExpect(status().isOk())
                .andExpect(jsonPath("$.problems").isEmpty());

        mvc.perform(post("/api/archive/tasks/" + task.getKey() + "/restore")).andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("CANCELLED"));
        assertThat(tasks.get(task.getId()).getState()).isEqualTo(TaskState.CANCELLED);
    }

    @Test
    void storesTheArchivedTaskUnderItsNamesAndReadsEveryOneBack() throws Exception {
        Task task = oldAndCancelled();
        shell.sendCommand("archive run");

        Document stored = mongo.getCollection(ArchiveStore.COLLECTION).find(new Document("_id", task.getId())).first();
        assertThat(stored).isNotNull();
        assertThat(stored.keySet()).containsExactly("_id", "schemaVersion", "key", "title", "role", "provider",
                "stateBefore", "tags", "createdAt", "completedAt", "archivedAt", "events", "rawBytes", "bundleBytes",
                "headHash", "bundle");
        ArchivedTask entry = archive.find(task.getKey());
        assertThat(entry.id()).isEqualTo(task.getId());
        assertThat(entry.key()).isEqualTo(task.getKey());
        assertThat(entry.title()).isEqualTo(task.getTitle());
        assertThat(entry.role()).isEqualTo(task.getRole());
        assertThat(entry.provider()).isEqualTo(task.getProvider());
        assertThat(entry.stateBefore()).isEqualTo(TaskState.CANCELLED);
        assertThat(entry.tags()).containsExactly("doors");
        assertThat(entry.createdAt()).isEqualTo(instant(stored, "createdAt"));
        assertThat(entry.completedAt()).isEqualTo(instant(stored, "completedAt"));
        assertThat(entry.archivedAt()).isEqualTo(instant(stored, "archivedAt"));
        assertThat(entry.events()).isPositive().isEqualTo(((Number) stored.get("events")).longValue());
        assertThat(entry.rawBytes()).isPositive().isEqualTo(((Number) stored.get("rawBytes")).longValue());
        assertThat(entry.bundleBytes()).isPositive().isEqualTo(((Number) stored.get("bundleBytes")).longValue());
        assertThat(entry.headHash()).isNotBlank().isEqualTo(stored.getString("headHash"));
    }

    @Test
    void restAnswersNotFoundForATaskTheArchiveDoesNotHold() throws Exception {
        mvc.perform(get("/api/archive/tasks/TV-999999")).andExpect(status().isNotFound());
        mvc.perform(post("/api/archive/tasks/TV-999999/restore")).andExpect(status().isNotFound());
    }

    @Test
    void shellRunsTheJobAndShowsStatusSearchAndTheArchivedOnDate() throws Exception {
        Task task = oldAndCancelled();

        assertThat(text(shell.sendCommand("archive run"))).containsPattern("archived [1-9]\\d* tasks finished before")
                .contains("compaction returned");
        assertThat(text(shell.sendCommand("archive status"))).contains("next run: ").contains("last run: ")
                .contains("archived: ");
        ArchivedTask entry = archive.find(task.getKey());
        assertThat(text(shell.sendCommand("archive search " + task.getKey())))
                .contains(task.getKey() + "  CANCELLED  archived on " + entry.archivedAt());
        assertThat(text(shell.sendCommand("archive show " + task.getKey()))).contains("archived on: " + entry.archivedAt());
        assertThat(text(shell.sendCommand("archive verify " + task.getKey()))).contains("intact");
        assertThat(text(shell.sendCommand("archive restore " + task.getKey())))
                .isEqualTo(task.getKey() + " restored as CANCELLED");
        assertThat(tasks.find(task.getId())).isPresent();
    }

    @Test
    void anArchivedTaskLookupIsCachedUntilTheArchiveIsWritten() throws Exception {
        Task task = oldAndCancelled();
        shell.sendCommand("archive run");
        Cache cache = caches.getCache(ArchivedTaskCache.NAME);

        ArchivedTask entry = archive.find(task.getKey());
        assertThat(cache.get(task.getKey())).isNotNull();
        assertThat(archive.find(task.getKey())).isEqualTo(entry);

        archive.restore(task.getKey(), "test");
        assertThat(cache.get(task.getKey())).as("cleared by the archive's write, not by the 1 s expiry").isNull();
        assertThatThrownBy(() -> archive.find(task.getKey())).isInstanceOf(TaskNotFoundException.class);
    }

    @Test
    void shellNamesAnArchivedTaskItCannotFind() {
        assertThatThrownBy(() -> shell.sendCommand("archive verify TV-999999")).rootCause()
                .isInstanceOf(TaskNotFoundException.class).hasMessageContaining("TV-999999");
    }
}

package io.taskvault.backup;

import static io.taskvault.support.TaskDrafts.aTask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.shell.test.ShellScreen;
import org.springframework.shell.test.ShellTestClient;
import org.springframework.test.web.servlet.MockMvc;

import io.taskvault.recovery.MovableClock;
import io.taskvault.recovery.OpsDoorsTest;
import io.taskvault.task.TaskService;

/** Backups through REST and the shell: create, list, verify, the refused restore, unknown names. */
@OpsDoorsTest
class BackupDoorsTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ShellTestClient shell;
    @Autowired
    Backups backups;
    @Autowired
    BackupProperties properties;
    @Autowired
    TaskService tasks;
    @Autowired
    MovableClock clock;

    private static String text(ShellScreen screen) {
        return String.join("\n", screen.lines());
    }

    @Test
    void restCreatesListsVerifiesAndRefusesToRestoreOverData() throws Exception {
        tasks.create(aTask().build(), "test");
        clock.advance(Duration.ofSeconds(1));
        String name = backups.create().name();

        mvc.perform(get("/api/backups")).andExpect(status().isOk()).andExpect(jsonPath("$[0].name").value(name));
        mvc.perform(get("/api/backups/" + name + "/verify")).andExpect(status().isOk())
                .andExpect(jsonPath("$.intact").value(true));
        mvc.perform(post("/api/backups/" + name + "/restore")).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("The store is not empty")));
        mvc.perform(get("/api/backups/last")).andExpect(status().isOk())
                .andExpect(jsonPath("$.action").value("restore")).andExpect(jsonPath("$.succeeded").value(false));
        mvc.perform(get("/api/backups/nope/verify")).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value(containsString("No backup named 'nope'")));
    }

    @Test
    void shellCreatesListsAndVerifiesABackup() throws Exception {
        tasks.create(aTask().build(), "test");
        clock.advance(Duration.ofSeconds(1));

        String created = text(shell.sendCommand("backup create"));

        assertThat(created).containsPattern("created taskvault-\\S+: \\d+ documents in \\d+ collections, \\d+ bytes");
        String name = created.substring("created ".length(), created.indexOf(':'));
        assertThat(Files.isRegularFile(properties.folder().resolve(name).resolve("manifest.json"))).isTrue();
        assertThat(text(shell.sendCommand("backup list"))).contains(name).contains("last operation ");
        assertThat(text(shell.sendCommand("backup verify " + name))).isEqualTo(name + ": intact");
        assertThat(backups.lastReport()).hasValueSatisfying(r -> assertThat(r.action()).isEqualTo("verify"));
    }

    @Test
    void restAndShellNameTheBackupThatUndoesARestore() throws Exception {
        tasks.create(aTask().build(), "test");
        clock.advance(Duration.ofSeconds(1));
        String name = backups.create().name();

        mvc.perform(post("/api/backups/" + name + "/restore").param("force", "true")).andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value(name))
                .andExpect(jsonPath("$.undoBackup").value(containsString("before-restore")));
        String undo = backups.lastReport().orElseThrow().undoBackup();
        mvc.perform(get("/api/backups/last")).andExpect(jsonPath("$.undoBackup").value(undo));

        String restored = text(shell.sendCommand("backup restore " + undo + " --force=true"));

        assertThat(restored).startsWith("restored " + undo + ": ")
                .containsPattern("the state before is in backup (\\S+) \\(undo: backup restore \\1 --force=true\\)");
        assertThat(restored).doesNotContain("backup " + undo + " (undo");
    }

    @Test
    void shellRefusesARestoreOverDataAndAnUnsafeName() {
        tasks.create(aTask().build(), "test");
        clock.advance(Duration.ofSeconds(1));
        String name = backups.create().name();

        assertThatThrownBy(() -> shell.sendCommand("backup restore " + name)).rootCause()
                .isInstanceOf(BackupRefusedException.class).hasMessageContaining("The store is not empty");
        assertThatThrownBy(() -> shell.sendCommand("backup verify ../etc")).rootCause()
                .hasMessage("'../etc' is not a backup name; `backup list` shows them");
    }
}

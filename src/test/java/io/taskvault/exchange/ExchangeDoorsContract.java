package io.taskvault.exchange;

import static io.taskvault.support.TaskDrafts.aTask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.shell.test.ShellAssertions;
import org.springframework.shell.test.ShellScreen;
import org.springframework.shell.test.ShellTestClient;
import org.springframework.shell.test.autoconfigure.ShellTest;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import io.taskvault.store.schema.Fixtures;
import io.taskvault.task.TaskService;

/** The shell commands and REST endpoints of imports, export and schema upgrades, end to end. */
@ShellTest
@AutoConfigureMockMvc
@TestPropertySource(properties = "taskvault.schema.upgrade-on-start=false")
abstract class ExchangeDoorsContract {

    @Autowired
    ShellTestClient shell;
    @Autowired
    MockMvc mvc;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    TaskService service;

    @TempDir
    Path temp;

    @BeforeEach
    void startEmpty() {
        Fixtures.wipe(mongo);
    }

    @Test
    void shellImportsWithADryRunFirstAndListsEveryRejection() throws Exception {
        String dir = ApStateImportContract.fixture("ap-state").toString();

        ShellScreen dry = shell.sendCommand("import ap-state --path " + dir + " --dry-run=true");
        ShellAssertions.assertThat(dry).containsText("dry run, nothing stored: 3 created, 0 updated, 0 skipped, 6 rejected");
        ShellAssertions.assertThat(dry).containsText("REJECTED  tasks/active/broken.json: is not valid JSON");
        assertThat(mongo.getCollection("tasks").countDocuments()).isZero();

        ShellScreen real = shell.sendCommand("import ap-state --path " + dir);
        ShellAssertions.assertThat(real).containsText("3 created, 0 updated, 0 skipped, 6 rejected");
        assertThat(mongo.getCollection("tasks").countDocuments()).isEqualTo(3);
    }

    @Test
    void shellExportsAndImportsTaskvaultFiles() throws Exception {
        service.create(aTask().build(), "alice");
        Path file = temp.resolve("export.jsonl");

        ShellAssertions.assertThat(shell.sendCommand("export --file " + file)).containsText("exported");
        Fixtures.wipe(mongo);
        ShellScreen imported = shell.sendCommand("import taskvault --file " + file);

        ShellAssertions.assertThat(imported).containsText("0 rejected");
        assertThat(service.get("TV-1").getTitle()).isNotBlank();
    }

    @Test
    void shellReportsDocumentsPerSchemaVersionAndUpgradesOnDemand() throws Exception {
        Fixtures.allowKeylessTasks(mongo);
        Fixtures.insert(mongo, "tasks", "schema/tasks-v1.json");

        ShellAssertions.assertThat(shell.sendCommand("schema status")).containsText("tasks         newest v3  [v1=4]  remaining 4");
        ShellScreen upgraded = shell.sendCommand("schema upgrade");

        ShellAssertions.assertThat(upgraded).containsText("rewrote 4 documents in");
        ShellAssertions.assertThat(upgraded).containsText("tasks         newest v3  [v3=4]  remaining 0");
        assertThat(mongo.getCollection("tasks").find().into(new java.util.ArrayList<>()))
                .hasSize(4).allSatisfy(d -> assertThat(d.getInteger("schemaVersion")).isEqualTo(3))
                .allSatisfy(d -> assertThat(d.getString("key")).startsWith("TV-"));
        ShellAssertions.assertThat(shell.sendCommand("schema status")).containsText("remaining 0");
    }

    @Test
    void shellNamesAMissingDirectoryOrFileAndStoresNothing() {
        String missing = temp.resolve("nope").toString();

        assertThatThrownBy(() -> shell.sendCommand("import ap-state --path " + missing))
                .rootCause().hasMessage(missing + " is not a directory; expected the .ap-state");
        assertThatThrownBy(() -> shell.sendCommand("import state-dir --path " + missing + " --dry-run=true"))
                .rootCause().hasMessageContaining("is not a directory");
        assertThatThrownBy(() -> shell.sendCommand("import taskvault --file " + missing))
                .rootCause().hasMessage(missing + " is not a file; expected a taskvault export");
        assertThatThrownBy(() -> shell.sendCommand("export --file " + temp.resolve("nope/export.jsonl")))
                .rootCause().hasMessage(missing + " is not a directory; cannot write export.jsonl there");
        assertThat(mongo.getCollection("tasks").countDocuments()).isZero();
    }

    @Test
    void shellImportOfAnExportReportsEachBrokenLineAndKeepsTheRest() throws Exception {
        service.create(aTask().titled("Survives a broken line").build(), "alice");
        Path file = temp.resolve("export.jsonl");
        shell.sendCommand("export --file " + file);
        Files.writeString(file, Files.readString(file) + "{\"collection\": \"tasks\", \"document\": {broken\n");
        Fixtures.wipe(mongo);

        ShellScreen dry = shell.sendCommand("import taskvault --file " + file + " --dry-run=true");
        ShellAssertions.assertThat(dry).containsText("dry run, nothing stored:");
        assertThat(mongo.getCollection("tasks").countDocuments()).isZero();
        ShellScreen imported = shell.sendCommand("import taskvault --file " + file);

        long lines = Files.readAllLines(file).size();
        ShellAssertions.assertThat(imported).containsText("1 rejected");
        ShellAssertions.assertThat(imported).containsText("REJECTED  " + file + ":" + lines + ": is not valid JSON");
        assertThat(service.get("TV-1").getTitle()).isEqualTo("Survives a broken line");
        assertThat(service.verify("TV-1").problems()).isEmpty();
        assertThatThrownBy(() -> shell.sendCommand("import taskvault --file " + ApStateImportContract.fixture("ap-state")
                .resolve("tasks/active/TASK-001-001.json"))).rootCause().hasMessageContaining("not a taskvault export");
    }

    @Test
    void restImportsAStateDirectoryAndRoundTripsTheExport() throws Exception {
        mvc.perform(post("/api/import/state-dir").param("path", ApStateImportContract.fixture("state-dir").toString())
                        .param("dryRun", "true"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.dryRun").value(true))
                .andExpect(jsonPath("$.created.length()").value(4)).andExpect(jsonPath("$.rejected.length()").value(5))
                .andExpect(jsonPath("$.rejected[?(@.file == 'bad-state.json')].reason").exists());
        mvc.perform(post("/api/import/state-dir").param("path", ApStateImportContract.fixture("state-dir").toString()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.created.length()").value(4));

        MvcResult exported = mvc.perform(get("/api/export")).andReturn();
        byte[] body = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch(exported))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        Fixtures.wipe(mongo);
        mvc.perform(post("/api/import/taskvault").content(body).contentType("application/x-ndjson"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.rejected.length()").value(0));
        assertThat(mongo.getCollection("tasks").countDocuments()).isEqualTo(4);
    }

    @Test
    void restAnswersAMissingDirectoryWithAProblem() throws Exception {
        mvc.perform(post("/api/import/ap-state").param("path", temp.resolve("nope").toString()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value(
                        org.hamcrest.Matchers.containsString("is not a directory")));
        assertThat(Files.exists(temp.resolve("nope"))).isFalse();
    }

    @Test
    void restReportsSchemaVersionsInThePersistenceStats() throws Exception {
        Fixtures.allowKeylessTasks(mongo);
        Fixtures.insert(mongo, "tasks", "schema/tasks-v1.json");

        org.awaitility.Awaitility.await().untilAsserted(() -> mvc.perform(get("/api/persistence/stats"))
                .andExpect(jsonPath("$.schemaVersions.tasks.1").value(4))
                .andExpect(jsonPath("$.schemaVersions.task_history").exists()));
        mvc.perform(get("/api/schema")).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.collection == 'tasks')].byVersion.1").value(4))
                .andExpect(jsonPath("$[?(@.collection == 'tasks')].remaining").value(4));

        mvc.perform(post("/api/schema/upgrade")).andExpect(status().isOk())
                .andExpect(jsonPath("$.rewritten").value(4))
                .andExpect(jsonPath("$.after[?(@.collection == 'tasks')].remaining").value(0));
        org.awaitility.Awaitility.await().untilAsserted(() -> mvc.perform(get("/api/persistence/stats"))
                .andExpect(jsonPath("$.schemaVersions.tasks.3").value(4))
                .andExpect(jsonPath("$.schemaVersions.tasks.1").doesNotExist()));
    }
}

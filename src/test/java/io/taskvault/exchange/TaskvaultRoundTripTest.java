package io.taskvault.exchange;

import static io.taskvault.support.TaskDrafts.aTask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.TestPropertySource;

import io.taskvault.store.schema.Fixtures;
import io.taskvault.support.EmbeddedStoreTest;
import io.taskvault.task.Task;
import io.taskvault.task.TaskService;
import io.taskvault.task.TaskState;
import io.taskvault.task.output.OutputDraft;
import io.taskvault.task.output.OutputType;
import io.taskvault.task.output.TaskOutput;

@EmbeddedStoreTest
@TestPropertySource(properties = "taskvault.schema.upgrade-on-start=false")
class TaskvaultRoundTripTest {

    private static final List<String> COLLECTIONS = List.of("counters", "tasks", "task_history", "task_outputs",
            "outputs.files", "outputs.chunks");

    @Autowired
    TaskvaultExport export;
    @Autowired
    TaskvaultImport imports;
    @Autowired
    TaskService service;
    @Autowired
    MongoTemplate mongo;

    @BeforeEach
    void startEmpty() {
        Fixtures.wipe(mongo);
    }

    @Test
    void exportWipeImportGivesBackIdenticalDocumentsAndHashChains() throws IOException {
        Task first = service.create(aTask().build(), "alice");
        service.transition(first.getKey(), TaskState.QUEUED, "alice", "go");
        service.addNote(first.getKey(), "ünïcode note ✓", "bob");
        service.appendOutput(first.getKey(), OutputDraft.text(OutputType.STDOUT, "hello"), "runner");
        byte[] big = new byte[300 * 1024];
        new java.util.Random(7).nextBytes(big);
        TaskOutput gridFs = service.appendOutput(first.getKey(),
                new OutputDraft(OutputType.ARTIFACT, () -> new ByteArrayInputStream(big), "out.bin", "application/octet-stream", null, null), "runner");
        Task second = service.create(aTask().build(), "carol");
        Map<String, List<Document>> before = snapshot();

        byte[] exported = exportAll();
        Fixtures.wipe(mongo);
        ImportSummary summary = imports.run("export.jsonl", new ByteArrayInputStream(exported), false);

        assertThat(summary.rejected()).isEmpty();
        assertThat(snapshot()).isEqualTo(before);
        assertThat(gridFs.gridFsId()).isNotNull();
        try (InputStream in = service.openOutput(service.output(first.getKey(), 2))) {
            assertThat(in.readAllBytes()).isEqualTo(big);
        }
        assertThat(service.verify(first.getKey()).problems()).isEmpty();
        assertThat(service.verify(second.getKey()).problems()).isEmpty();
        assertThat(service.create(aTask().build(), "dave").getKey()).isEqualTo("TV-3");
    }

    @Test
    void importingAnExportTwiceChangesNothingAndDryRunStoresNothing() {
        Task task = service.create(aTask().build(), "alice");
        service.transition(task.getKey(), TaskState.QUEUED, "alice", "go");
        byte[] exported = exportAll();
        Fixtures.wipe(mongo);

        ImportSummary dry = imports.run("export.jsonl", new ByteArrayInputStream(exported), true);
        assertThat(mongo.getCollection("tasks").countDocuments()).isZero();
        assertThat(dry.created()).extracting(ImportSummary.Entry::id).contains("tasks", "task_history");

        imports.run("export.jsonl", new ByteArrayInputStream(exported), false);
        Map<String, List<Document>> once = snapshot();
        ImportSummary again = imports.run("export.jsonl", new ByteArrayInputStream(exported), false);

        assertThat(again.created()).isEmpty();
        assertThat(again.rejected()).isEmpty();
        assertThat(snapshot()).isEqualTo(once);
    }

    @Test
    void leavesStoredDocumentsThatDifferAloneAndReportsBadLinesOneByOne() {
        Task task = service.create(aTask().build(), "alice");
        String exported = new String(exportAll(), StandardCharsets.UTF_8);
        service.update(task.getKey(), Map.of("title", "Changed after the export"), "alice", null);
        String withBadLines = exported + "{broken\n{\"collection\": \"elsewhere\", \"document\": {\"_id\": 1}}\n";

        ImportSummary summary = imports.run("export.jsonl",
                new ByteArrayInputStream(withBadLines.getBytes(StandardCharsets.UTF_8)), false);

        assertThat(summary.rejected()).extracting(ImportSummary.Entry::reason).anySatisfy(
                r -> assertThat(r).contains("different document")).anySatisfy(
                r -> assertThat(r).contains("not valid JSON")).anySatisfy(r -> assertThat(r).contains("needs a collection"));
        assertThat(service.get(task.getKey()).getTitle()).isEqualTo("Changed after the export");
        assertThat(service.verify(task.getKey()).problems()).isEmpty();
    }

    @Test
    void refusesAFileThatIsNotATaskvaultExport() {
        assertThatThrownBy(() -> imports.run("x.json", new ByteArrayInputStream("{\"a\": 1}\n".getBytes()), false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a taskvault export");
    }

    private byte[] exportAll() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        export.export(out);
        return out.toByteArray();
    }

    private Map<String, List<Document>> snapshot() {
        Map<String, List<Document>> all = new LinkedHashMap<>();
        for (String collection : COLLECTIONS) {
            all.put(collection, mongo.getCollection(collection).find().sort(new Document("_id", 1)).into(new ArrayList<>()));
        }
        return all;
    }
}

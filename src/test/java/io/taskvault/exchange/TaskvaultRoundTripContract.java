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

import io.taskvault.context.AiInteraction;
import io.taskvault.context.ContextService;
import io.taskvault.context.RequirementContext;
import io.taskvault.graph.DependencyGraph;
import io.taskvault.graph.EdgeType;
import io.taskvault.store.schema.Fixtures;
import io.taskvault.store.schema.RecordingProgress;
import io.taskvault.task.Task;
import io.taskvault.task.TaskService;
import io.taskvault.task.TaskState;
import io.taskvault.task.history.ChainReport;
import io.taskvault.task.output.OutputDraft;
import io.taskvault.task.output.OutputType;
import io.taskvault.task.output.TaskOutput;

abstract class TaskvaultRoundTripContract {

    @Autowired
    TaskvaultExport export;
    @Autowired
    TaskvaultImport imports;
    @Autowired
    TaskService service;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    DependencyGraph graph;
    @Autowired
    ContextService context;

    @BeforeEach
    void startEmpty() {
        Fixtures.wipe(mongo);
    }

    @Test
    void exportWipeImportGivesBackEveryDocumentEveryChainAndEveryStoredByte() throws IOException {
        Task first = service.create(aTask().build(), "alice");
        service.transition(first.getKey(), TaskState.QUEUED, "alice", "go");
        service.addNote(first.getKey(), "ünïcode note ✓", "bob");
        service.appendOutput(first.getKey(), OutputDraft.text(OutputType.STDOUT, "hello"), "runner");
        byte[] big = new byte[300 * 1024];
        new java.util.Random(7).nextBytes(big);
        TaskOutput gridFs = service.appendOutput(first.getKey(),
                new OutputDraft(OutputType.ARTIFACT, () -> new ByteArrayInputStream(big), "out.bin", "application/octet-stream", null, null), "runner");
        Task second = service.create(aTask().build(), "carol");
        graph.addEdge(first.getKey(), EdgeType.BLOCKS, second.getKey(), "carol");
        String longAnswer = "answer ".repeat(60_000);
        context.add(first.getKey(), AiInteraction.of("claude", "plan", "what next?", longAnswer, 42, 900, true, "s1"));
        context.add(second.getKey(), RequirementContext.of("story", Map.of("text", "as a user…"), "jira"));
        Map<String, List<Document>> before = snapshot();
        Map<String, ChainReport> chainsBefore = chains();
        assertThat(before.values().stream().filter(documents -> !documents.isEmpty()).count())
                .as("collections holding data, so the comparison covers them").isGreaterThanOrEqualTo(12);

        byte[] exported = exportAll();
        Fixtures.wipe(mongo);
        assertThat(mongo.getCollection("tasks").countDocuments()).isZero();
        ImportSummary summary = imports.run("export.jsonl", new ByteArrayInputStream(exported), false);

        assertThat(summary.rejected()).isEmpty();
        Map<String, List<Document>> after = snapshot();
        for (String collection : TaskvaultExport.COLLECTIONS) {
            assertThat(after.get(collection)).as(collection).isEqualTo(before.get(collection));
        }
        assertThat(chains()).isEqualTo(chainsBefore).allSatisfy((key, report) -> assertThat(report.intact()).isTrue());
        assertThat(gridFs.gridFsId()).isNotNull();
        try (InputStream in = service.openOutput(service.output(first.getKey(), 2))) {
            assertThat(in.readAllBytes()).isEqualTo(big);
        }
        assertThat(service.get(second.getKey()).getDependsOn()).containsExactly(first.getId());
        assertThat(service.create(aTask().build(), "dave").getKey()).isEqualTo("TV-3");
    }

    /** Every task's chain report, by key: the events counted and any problem found. */
    private Map<String, ChainReport> chains() {
        Map<String, ChainReport> reports = new java.util.TreeMap<>();
        service.list(io.taskvault.task.TaskQuery.all()).tasks().forEach(t -> reports.put(t.getKey(), service.verify(t.getKey())));
        return reports;
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
        long stored = once.values().stream().mapToLong(List::size).sum();
        assertThat(stored).isGreaterThan(again.skipped().size());
        assertThat(again.headline()).isEqualTo("0 created, 0 updated, " + stored + " skipped, 0 rejected");
        int wouldInsert = dry.created().stream().mapToInt(ImportSummary.Entry::documents).sum();
        assertThat(dry.headline()).isEqualTo("dry run, nothing stored: " + wouldInsert + " created, 0 updated, "
                + (stored - wouldInsert) + " skipped, 0 rejected");
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
    void exportAndImportOfAFileReportProgressDocumentByDocument(@org.junit.jupiter.api.io.TempDir java.nio.file.Path temp)
            throws IOException {
        Task task = service.create(aTask().build(), "alice");
        service.addNote(task.getKey(), "one more event", "alice");
        java.nio.file.Path file = temp.resolve("export.jsonl");
        RecordingProgress exporting = new RecordingProgress();
        long written;
        try (java.io.OutputStream out = java.nio.file.Files.newOutputStream(file)) {
            written = export.export(out, exporting);
        }
        Fixtures.wipe(mongo);
        RecordingProgress importing = new RecordingProgress();

        ImportSummary summary = imports.run(file, false, importing);

        assertThat(written).as("counter, two events, the task").isEqualTo(4);
        assertThat(exporting.reports()).containsExactly("0/4", "1/4", "2/4", "3/4", "4/4");
        assertThat(importing.reports()).containsExactly("0/4", "1/4", "2/4", "3/4", "4/4");
        assertThat(summary.rejected()).isEmpty();
        assertThat(service.verify(task.getKey()).problems()).isEmpty();
    }

    @Test
    void refusesAFileThatIsNotATaskvaultExport() {
        assertThatThrownBy(() -> imports.run("x.json", new ByteArrayInputStream("{\"a\": 1}\n".getBytes()), false))
                .isInstanceOf(ImportSourceException.class).hasMessageContaining("not a taskvault export");
    }

    private byte[] exportAll() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        export.export(out);
        return out.toByteArray();
    }

    private Map<String, List<Document>> snapshot() {
        Map<String, List<Document>> all = new LinkedHashMap<>();
        for (String collection : TaskvaultExport.COLLECTIONS) {
            all.put(collection, mongo.getCollection(collection).find().sort(new Document("_id", 1)).into(new ArrayList<>()));
        }
        return all;
    }
}

package io.taskvault.archive;

import static io.taskvault.support.TaskDrafts.aTask;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.DocumentCodec;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import org.bson.types.Binary;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

import io.taskvault.recovery.MovableClock;
import io.taskvault.recovery.OpsTest;
import io.taskvault.task.RawTaskDocuments;
import io.taskvault.task.RawTaskDocuments.Raw;
import io.taskvault.task.Task;
import io.taskvault.task.TaskService;
import io.taskvault.task.TaskState;
import io.taskvault.task.output.OutputDraft;
import io.taskvault.task.output.OutputType;

/** Archive bundles: small on disk, their chains still verify, and a tampered bundle is caught. */
@OpsTest
class ArchiveBundleTest {

    private static final int TASKS = 50;

    @Autowired
    TaskService tasks;
    @Autowired
    ArchivalJob job;
    @Autowired
    Archive archive;
    @Autowired
    RawTaskDocuments documents;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    MovableClock clock;

    /** A finished task with 10 history events and 2 small outputs, as the performance issue sizes them. */
    private Task typical() {
        Task task = tasks.create(aTask().withTags("bundle-size").build(), "test");
        tasks.transition(task.getId(), TaskState.QUEUED, "test", "queued");
        tasks.transition(task.getId(), TaskState.RUNNING, "worker", "started");
        tasks.appendOutput(task.getId(), OutputDraft.text(OutputType.STDOUT, "build ok, 42 tests passed"), "worker");
        tasks.appendOutput(task.getId(), OutputDraft.text(OutputType.LOG, "compiled 12 files in 3.1 s"), "worker");
        while (tasks.history(task.getId()).size() < 9) {
            tasks.addNote(task.getId(), "progress note", "worker");
        }
        return tasks.transition(task.getId(), TaskState.COMPLETED, "worker", "done");
    }

    private static long legacySize(Raw raw) throws IOException {
        Document bundle = new Document("schemaVersion", 1).append("task", raw.task()).append("history", raw.history())
                .append("outputs", raw.outputs()).append("files", raw.files());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write(bundle.toJson(JsonWriterSettings.builder().outputMode(JsonMode.EXTENDED).build())
                    .getBytes(StandardCharsets.UTF_8));
        }
        return bytes.size();
    }

    @Test
    void aThousandArchivedTasksBundleIntoLessThanAMegabyteAndEachStillVerifies() throws IOException {
        List<Task> typical = new ArrayList<>();
        long legacy = 0;
        for (int i = 0; i < TASKS; i++) {
            Task task = typical();
            assertThat(tasks.history(task.getId())).hasSize(10);
            legacy += legacySize(documents.read(task.getId()).orElseThrow());
            typical.add(task);
        }
        clock.advance(Duration.ofDays(91));

        job.run(false);

        long stored = 0;
        long bundles = 0;
        for (Task task : typical) {
            Document entry = mongo.getCollection(ArchiveStore.COLLECTION).find(Filters.eq("_id", task.getId())).first();
            stored += new RawBsonDocument(entry, new DocumentCodec()).getByteBuffer().remaining();
            bundles += entry.get("bundle", Binary.class).length();
            assertThat(archive.verify(task.getKey()).intact()).isTrue();
        }
        System.out.printf("archive bundle per task: %d bytes before (gzip JSON), %d bytes now; stored document %d bytes%n",
                legacy / TASKS, bundles / TASKS, stored / TASKS);
        assertThat(bundles / TASKS).as("bundle bytes per archived task").isLessThanOrEqualTo(1_000);
        assertThat(bundles).as("bundles against the GZIP-compressed JSON of before").isLessThan(legacy / 2);
    }

    @Test
    void anEditedEventInsideABundleIsReported() {
        Task task = typical();
        clock.advance(Duration.ofDays(91));
        job.run(false);
        Raw raw = ArchiveBundle.unpack(mongo.getCollection(ArchiveStore.COLLECTION)
                .find(Filters.eq("_id", task.getId())).first().get("bundle", Binary.class).getData());
        raw.history().get(4).put("reason", "nothing to see");
        mongo.getCollection(ArchiveStore.COLLECTION).updateOne(Filters.eq("_id", task.getId()),
                Updates.set("bundle", new Binary(ArchiveBundle.pack(raw))));

        assertThat(archive.verify(task.getKey()).problems()).anySatisfy(p -> assertThat(p).startsWith("event 5 was altered"));
    }

    @Test
    void aDamagedBundleIsReportedNotThrown() {
        Task task = typical();
        clock.advance(Duration.ofDays(91));
        job.run(false);
        byte[] bundle = mongo.getCollection(ArchiveStore.COLLECTION).find(Filters.eq("_id", task.getId())).first()
                .get("bundle", Binary.class).getData();
        bundle[bundle.length / 2] ^= 0x5A;
        mongo.getCollection(ArchiveStore.COLLECTION).updateOne(Filters.eq("_id", task.getId()),
                Updates.set("bundle", new Binary(bundle)));

        assertThat(archive.verify(task.getKey()).intact()).isFalse();
    }

    @Test
    void aChainBrokenBeforeArchivalStaysBrokenInItsBundle() {
        Task task = typical();
        mongo.getCollection("task_history").updateOne(Filters.eq("_id", task.getId() + ":3"),
                Updates.set("reason", "rewritten"));
        clock.advance(Duration.ofDays(91));
        job.run(false);

        assertThat(archive.verify(task.getKey()).problems()).anySatisfy(p -> assertThat(p).startsWith("event 3 was altered"));
    }
}

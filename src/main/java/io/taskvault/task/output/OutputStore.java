package io.taskvault.task.output;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.LongStream;

import org.apache.commons.codec.binary.Hex;
import org.apache.commons.codec.digest.DigestUtils;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.gridfs.model.GridFSUploadOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;

import io.taskvault.store.SchemaUpgrader;
import io.taskvault.task.TaskProperties;
import io.taskvault.task.secrets.RedactingInputStream;
import io.taskvault.task.secrets.SecretRedactor;

/** The {@code task_outputs} collection and, for content above the inline cap, the GridFS bucket {@code outputs}. */
@Component
public class OutputStore {

    private final MongoTemplate mongo;
    private final MongoDatabaseFactory databases;
    private final TaskProperties properties;
    private final SchemaUpgrader upgrader;

    OutputStore(MongoTemplate mongo, MongoDatabaseFactory databases, TaskProperties properties, SchemaUpgrader upgrader) {
        this.mongo = mongo;
        this.databases = databases;
        this.properties = properties;
        this.upgrader = upgrader;
    }

    private TaskOutput read(Document document) {
        return mongo.getConverter().read(TaskOutput.class, upgrader.upgrade(TaskOutput.COLLECTION, document));
    }

    private GridFSBucket bucket() {
        return GridFSBuckets.create(databases.getMongoDatabase(), "outputs");
    }

    /** An output ready to store, and how many secrets were redacted from its content. */
    public record Prepared(TaskOutput output, int redactions) {
    }

    /**
     * Reads the draft's content once, redacting secrets from text (an ARTIFACT too when its head reads as text) and
     * from its file path, commit and branch: small content is kept for the document, large content goes to GridFS.
     */
    public Prepared prepare(String taskId, long seq, OutputDraft draft, Instant at) {
        SecretRedactor.Redacted path = SecretRedactor.redact(draft.filePath());
        SecretRedactor.Redacted commit = SecretRedactor.redact(draft.commitHash());
        SecretRedactor.Redacted branch = SecretRedactor.redact(draft.branch());
        OutputDraft named = new OutputDraft(draft.type(), draft.content(), path.text(), draft.mimeType(), commit.text(),
                branch.text());
        int fields = path.count() + commit.count() + branch.count();
        InputStream source = new BufferedInputStream(draft.content().get(), RedactingInputStream.SNIFF_BYTES);
        RedactingInputStream redacting = draft.type().isText() || looksLikeText(source)
                ? new RedactingInputStream(source) : null;
        TaskOutput output = store(taskId, seq, named, at, redacting == null ? source : redacting);
        return new Prepared(output, fields + (redacting == null ? 0 : redacting.redactions()));
    }

    private TaskOutput store(String taskId, long seq, OutputDraft draft, Instant at, InputStream content) {
        int cap = (int) properties.outputInlineCap().toBytes();
        MessageDigest digest = DigestUtils.getSha256Digest();
        try (InputStream raw = new DigestInputStream(content, digest)) {
            byte[] head = raw.readNBytes(cap + 1);
            String id = TaskOutput.idOf(taskId, seq);
            if (head.length <= cap) {
                String sha = Hex.encodeHexString(digest.digest());
                Optional<String> text = draft.type().isText() ? utf8(head) : Optional.empty();
                return described(taskId, seq, draft, at).inline(text.orElse(null), text.isPresent() ? null : head)
                        .file(draft.filePath(), head.length, mime(draft)).sha256(sha).build();
            }
            CountingStream counted = new CountingStream(new SequenceInputStream(new ByteArrayInputStream(head), raw));
            ObjectId fileId = bucket().uploadFromStream(id, counted,
                    new GridFSUploadOptions().metadata(new Document("taskId", taskId).append("seq", seq)));
            String sha = Hex.encodeHexString(digest.digest());
            return described(taskId, seq, draft, at).gridFsId(fileId.toHexString())
                    .file(draft.filePath(), counted.count, mime(draft)).sha256(sha).build();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the output's content", e);
        }
    }

    private static TaskOutput.Builder described(String taskId, long seq, OutputDraft draft, Instant at) {
        return TaskOutput.builder(taskId, seq, draft.type()).at(at).git(draft.commitHash(), draft.branch());
    }

    public void insert(TaskOutput output) {
        mongo.insert(output, TaskOutput.COLLECTION);
    }

    /** The task's outputs 1..count without their content, read by exact keys. */
    public List<TaskOutput> list(String taskId, long count) {
        List<TaskOutput> outputs = new ArrayList<>();
        for (long start = 1; start <= count; start += 1_000) {
            List<String> ids = LongStream.rangeClosed(start, Math.min(count, start + 999))
                    .mapToObj(seq -> TaskOutput.idOf(taskId, seq)).toList();
            mongo.getCollection(TaskOutput.COLLECTION).find(Filters.in("_id", ids))
                    .projection(Projections.exclude("content", "data"))
                    .forEach(d -> outputs.add(read(d)));
        }
        outputs.sort(Comparator.comparingLong(TaskOutput::seq));
        return outputs;
    }

    public Optional<TaskOutput> get(String taskId, long seq) {
        Document raw = mongo.getCollection(TaskOutput.COLLECTION).find(Filters.eq("_id", TaskOutput.idOf(taskId, seq))).first();
        return Optional.ofNullable(raw).map(this::read);
    }

    /** The output's content as a stream, from the document or from GridFS. */
    public InputStream open(TaskOutput output) {
        if (output.inline()) {
            byte[] bytes = output.content() != null ? output.content().getBytes(StandardCharsets.UTF_8)
                    : output.data() == null ? new byte[0] : output.data();
            return new ByteArrayInputStream(bytes);
        }
        //why: a bounded batch; the embedded server otherwise answers with every chunk at once, past the 48 MB message cap
        return bucket().openDownloadStream(new ObjectId(output.gridFsId())).batchSize(8);
    }

    private static String mime(OutputDraft draft) {
        if (draft.mimeType() != null) {
            return draft.mimeType();
        }
        return draft.type().isText() ? "text/plain; charset=utf-8" : "application/octet-stream";
    }

    private static boolean looksLikeText(InputStream content) {
        try {
            return RedactingInputStream.looksLikeText(content);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the output's content", e);
        }
    }

    private static Optional<String> utf8(byte[] bytes) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static final class CountingStream extends java.io.FilterInputStream {
        private long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}

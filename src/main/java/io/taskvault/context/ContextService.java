package io.taskvault.context;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import io.taskvault.task.InvalidTaskException;
import io.taskvault.task.Task;
import io.taskvault.task.TaskService;

/** Adds, lists and fetches a task's context records of every kind; the one door for shell, API and dashboard. */
@Service
public class ContextService {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 1_000;

    private final TaskService tasks;
    private final ContextStore store;
    private final BodyStore bodies;
    private final Clock clock;

    ContextService(TaskService tasks, ContextStore store, BodyStore bodies, Clock clock) {
        this.tasks = tasks;
        this.store = store;
        this.bodies = bodies;
        this.clock = clock;
    }

    /**
     * Stores the record for the task (id, seq and, unless given, time are assigned), secrets redacted from all its
     * text, and returns it as stored.
     */
    @SuppressWarnings("unchecked")
    public <T extends ContextRecord> T add(String taskRef, T draft) {
        if (draft == null) {
            throw new InvalidTaskException("record", "is required");
        }
        Map<String, String> problems = draft.problems();
        if (!problems.isEmpty()) {
            throw new InvalidTaskException(problems);
        }
        Task task = tasks.get(taskRef);
        ContextKind kind = ContextKind.of(draft.getClass());
        long seq = store.nextSeq(kind, task.getId());
        ContextRecord record = store.redacted(draft).identified(task.getId(), seq,
                clock.instant().truncatedTo(ChronoUnit.MILLIS)); //why: the store keeps milliseconds
        if (record instanceof AiInteraction interaction) {
            record = interaction.withBodies(bodies.store(record.id() + ":request", interaction.request()),
                    bodies.store(record.id() + ":response", interaction.response()));
        }
        store.insert(kind, record);
        return (T) record;
    }

    /** The task's newest records of the kind, newest first. */
    public <T extends ContextRecord> List<T> list(String taskRef, Class<T> type, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidTaskException("limit", "must be between 1 and " + MAX_LIMIT + ", not " + limit);
        }
        return store.newest(ContextKind.of(type), type, tasks.get(taskRef).getId(), limit);
    }

    public <T extends ContextRecord> T get(String taskRef, Class<T> type, long seq) {
        Task task = tasks.get(taskRef);
        return store.get(ContextKind.of(type), type, task.getId(), seq)
                .orElseThrow(() -> new ContextRecordNotFoundException(task.getKey(), ContextKind.of(type), seq));
    }

    /** How many records of the kind the task has. */
    public long count(String taskRef, ContextKind kind) {
        return store.count(kind, tasks.get(taskRef).getId());
    }

    /** An interaction's request or response body as a stream, wherever it is stored. */
    public InputStream openBody(AiInteraction interaction, boolean request) {
        String inline = AiInteraction.text(request ? interaction.request() : interaction.response());
        String fileId = request ? interaction.requestBodyId() : interaction.responseBodyId();
        if (fileId != null) {
            return bodies.open(fileId);
        }
        return new ByteArrayInputStream(inline == null ? new byte[0] : inline.getBytes(StandardCharsets.UTF_8));
    }

    /** The whole body as text. */
    public String body(AiInteraction interaction, boolean request) {
        try (InputStream in = openBody(interaction, request)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** At most {@code maxChars} of the body, without reading a large GridFS body whole. */
    public String bodyHead(AiInteraction interaction, boolean request, int maxChars) {
        String inline = AiInteraction.text(request ? interaction.request() : interaction.response());
        String fileId = request ? interaction.requestBodyId() : interaction.responseBodyId();
        if (fileId != null) {
            return bodies.head(fileId, maxChars);
        }
        return inline == null ? "" : inline.length() > maxChars ? inline.substring(0, maxChars) : inline;
    }
}

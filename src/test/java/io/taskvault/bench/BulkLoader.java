package io.taskvault.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import org.bson.Document;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.UpdateOptions;

import io.taskvault.task.Priority;
import io.taskvault.task.Task;
import io.taskvault.task.TaskDraft;
import io.taskvault.task.TaskIds;
import io.taskvault.task.TaskService;
import io.taskvault.task.TaskState;
import io.taskvault.task.history.HashChain;
import io.taskvault.task.history.HistoryEvent;
import io.taskvault.task.output.OutputDraft;
import io.taskvault.task.output.OutputType;
import io.taskvault.task.output.TaskOutput;

/**
 * Loads many tasks fast: four template tasks are written through {@link TaskService} (each with 10 history events
 * and 2 outputs, ending PENDING, RUNNING, COMPLETED, FAILED), then cloned with the raw driver in batches: a new
 * id, key, title, role and timestamps, the hash chain recomputed, so every clone is what the service would have
 * written. One task in ten is a COMPLETED task finished 100 to 300 days ago (what archival takes).
 */
final class BulkLoader {

    static final String[] ROLES = {"backend", "frontend", "qa", "ops", "docs"};
    static final String[] AREAS = {"billing", "search", "ingest", "reporting", "auth", "checkout", "export", "audit"};
    static final String RARE_WORD = "migration";
    private static final int BATCH_TASKS = 500;
    private static final long DAY = Duration.ofDays(1).toMillis();

    private final MongoDatabase db;
    private final List<Template> templates = new ArrayList<>();
    private long nextKey;

    BulkLoader(TaskService tasks, MongoDatabase db) {
        this.db = db;
        for (TaskState end : new TaskState[] {TaskState.PENDING, TaskState.RUNNING, TaskState.COMPLETED, TaskState.FAILED}) {
            templates.add(template(tasks, end));
        }
        nextKey = 1_000;
    }

    private Template template(TaskService tasks, TaskState end) {
        Task task = tasks.create(draft("Template " + end + " task", "backend"), "bench");
        String id = task.getId();
        int notes = 7;
        if (end != TaskState.PENDING) {
            tasks.transition(id, TaskState.QUEUED, "bench", "queued");
            tasks.transition(id, TaskState.RUNNING, "bench", "started");
            notes = end == TaskState.RUNNING ? 5 : 4;
        }
        tasks.appendOutput(id, OutputDraft.text(OutputType.STDOUT, "compiling 12 files\nall 48 tests passed\n"), "bench");
        tasks.appendOutput(id, OutputDraft.text(OutputType.LOG, "INFO build finished in 41 s; artifacts stored"), "bench");
        for (int i = 0; i < notes; i++) {
            tasks.addNote(id, "progress note " + i + ": reviewed the diff and the failing check", "bench");
        }
        if (end == TaskState.COMPLETED || end == TaskState.FAILED) {
            tasks.transition(id, end, "bench", end == TaskState.FAILED ? "tests failed" : "done");
        }
        Document raw = db.getCollection("tasks").find(Filters.eq("_id", id)).first();
        //why: by exact ids (the _id index); a filter on taskId scans 10 million events when a loaded store is reused
        List<Document> events = db.getCollection("task_history").find(Filters.in("_id", java.util.stream.LongStream
                .rangeClosed(1, 10).mapToObj(seq -> HistoryEvent.idOf(id, seq)).toList())).into(new ArrayList<>());
        events.sort((a, b) -> Long.compare(((Number) a.get("seq")).longValue(), ((Number) b.get("seq")).longValue()));
        List<Document> outputs = db.getCollection("task_outputs").find(Filters.in("_id", java.util.stream.LongStream
                .rangeClosed(1, 2).mapToObj(seq -> TaskOutput.idOf(id, seq)).toList())).into(new ArrayList<>());
        if (events.size() != 10 || outputs.size() != 2) {
            throw new IllegalStateException("template " + end + " has " + events.size() + " events, " + outputs.size() + " outputs");
        }
        return new Template(end, raw, events, outputs);
    }

    static TaskDraft draft(String title, String role) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return TaskDraft.builder(title).description("Write the code, the tests and the docs for this part; keep the build green.")
                .role(role).priority(Priority.values()[random.nextInt(4)]).tags(List.of("bench", "wave-" + random.nextInt(10)))
                .ai("claude", "sonnet").repository("https://git.example.com/app.git", "feature/x", "main").targetDir(".")
                .fullAccess(false).affectedFiles(List.of("src/App.java")).complexityScore(random.nextInt(1, 11))
                .groups("STORY-1", "EPIC-1", "developer").build();
    }

    /**
     * Inserts {@code count} cloned tasks in batches of 500; returns the tasks per second. One thread clones (and
     * hashes) the next batch while this one inserts the last, so both cores work.
     */
    double load(int count, String label) throws Exception {
        long start = System.nanoTime();
        long lastReport = start;
        InsertManyOptions unordered = new InsertManyOptions().ordered(false);
        ExecutorService cloner = Executors.newSingleThreadExecutor();
        try {
            Future<Batch> next = cloner.submit(() -> batch(Math.min(BATCH_TASKS, count)));
            for (int done = 0; done < count; ) {
                Batch batch = next.get();
                done += batch.tasks.size();
                int remaining = count - done;
                next = remaining > 0 ? cloner.submit(() -> batch(Math.min(BATCH_TASKS, remaining))) : null;
                db.getCollection("task_history").insertMany(batch.events, unordered);
                db.getCollection("task_outputs").insertMany(batch.outputs, unordered);
                db.getCollection("tasks").insertMany(batch.tasks, unordered);
                if (System.nanoTime() - lastReport > 10_000_000_000L) {
                    lastReport = System.nanoTime();
                    System.err.printf("  %s: %,d of %,d tasks loaded (%.0f tasks/s)%n", label, done, count,
                            done / ((lastReport - start) / 1e9));
                }
            }
        } finally {
            cloner.shutdownNow();
        }
        db.getCollection("counters").updateOne(Filters.eq("_id", "taskKey"), Updates.max("value", nextKey),
                new UpdateOptions().upsert(true));
        return count / ((System.nanoTime() - start) / 1e9);
    }

    private Batch batch(int size) {
        Batch batch = new Batch(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (int i = 0; i < size; i++) {
            clone(batch.tasks, batch.events, batch.outputs);
        }
        return batch;
    }

    private record Batch(List<Document> tasks, List<Document> events, List<Document> outputs) {
    }

    /**
     * Where a task's bytes go, from the COMPLETED template: BSON bytes of the task, its CREATED event, its other 9
     * events and its 2 outputs, and the same documents Java-serialized as the engine stored them before BSON.
     */
    String documentSizes() {
        Template t = templates.get(2);
        long createdEvent = bson(t.events.get(0));
        long otherEvents = t.events.stream().skip(1).mapToLong(BulkLoader::bson).sum();
        long outputs = t.outputs.stream().mapToLong(BulkLoader::bson).sum();
        long all = bson(t.task) + createdEvent + otherEvents + outputs;
        long java = javaSerialized(t.task) + t.events.stream().mapToLong(BulkLoader::javaSerialized).sum()
                + t.outputs.stream().mapToLong(BulkLoader::javaSerialized).sum();
        return String.format("task %,d + CREATED %,d + 9 events %,d + 2 outputs %,d = %,d B BSON (%,d B Java-serialized)",
                bson(t.task), createdEvent, otherEvents, outputs, all, java);
    }

    private static long bson(Document document) {
        return new org.bson.RawBsonDocument(document, new org.bson.codecs.DocumentCodec()).getByteBuffer().remaining();
    }

    private static long javaSerialized(Document document) {
        org.bson.RawBsonDocument raw = new org.bson.RawBsonDocument(document, new org.bson.codecs.DocumentCodec());
        byte[] bytes = new byte[raw.getByteBuffer().remaining()];
        raw.getByteBuffer().get(bytes);
        return org.h2.mvstore.type.ObjectDataType.serialize(de.bwaldvogel.mongo.wire.bson.BsonDecoder.decodeBson(
                io.netty.buffer.Unpooled.wrappedBuffer(bytes))).length;
    }

    /** The store already holds {@code count} clones (loaded by an earlier run): keys continue after them. */
    void assumeLoaded(int count) {
        nextKey = firstKey() - 1 + count;
    }

    String lastKey() {
        return "TV-" + nextKey;
    }

    long firstKey() {
        return 1_001;
    }

    private void clone(List<Document> tasks, List<Document> events, List<Document> outputs) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int pick = random.nextInt(100);
        boolean old = pick < 10;
        Template t = templates.get(old ? 2 : pick < 40 ? 0 : pick < 55 ? 1 : pick < 85 ? 2 : 3);
        long createdAt = System.currentTimeMillis() - (old ? random.nextLong(100, 300) * DAY : random.nextLong(60 * DAY));
        long shift = createdAt - ((Date) t.task.get("createdAt")).getTime();
        long key = ++nextKey;
        String area = AREAS[random.nextInt(AREAS.length)];
        String title = "Implement part " + key + " of the " + area + (random.nextInt(100) == 0 ? " " + RARE_WORD : "")
                + " pipeline";
        Map<Object, Object> swap = Map.of(t.id, TaskIds.next(), t.key, "TV-" + key, t.title, title,
                "backend", ROLES[random.nextInt(ROLES.length)]);
        String id = (String) swap.get(t.id);
        String prev = null;
        for (Document template : t.events) {
            Document event = (Document) copy(template, swap, shift, key, t.id, id);
            if (prev != null) {
                event.put("prevHash", prev);
            }
            event.remove(HashChain.HASH_FIELD);
            prev = HashChain.hash(event, prev);
            event.put(HashChain.HASH_FIELD, prev);
            events.add(event);
        }
        t.outputs.forEach(o -> outputs.add((Document) copy(o, swap, shift, key, t.id, id)));
        Document task = (Document) copy(t.task, swap, shift, key, t.id, id);
        task.put("historyHash", prev);
        tasks.add(task);
    }

    private static Object copy(Object value, Map<Object, Object> swap, long shift, long key, String oldId, String newId) {
        if (value instanceof Document d) {
            Document out = new Document();
            d.forEach((k, v) -> out.put(k, k.equals("keyNumber") ? keyNumber(v, key) : copy(v, swap, shift, key, oldId, newId)));
            return out;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(v -> copy(v, swap, shift, key, oldId, newId)).toList();
        }
        if (value instanceof Date date) {
            return new Date(date.getTime() + shift);
        }
        if (value instanceof String s) {
            Object swapped = swap.get(s);
            return swapped != null ? swapped : s.contains(oldId) ? s.replace(oldId, newId) : s;
        }
        return value;
    }

    private static Object keyNumber(Object value, long key) {
        if (value instanceof Number) {
            return key;
        }
        if (value instanceof Document change) {
            Document out = new Document(change);
            out.put("after", key);
            return out;
        }
        return value;
    }

    private record Template(TaskState end, Document task, List<Document> events, List<Document> outputs, String id,
                            String key, String title) {
        Template(TaskState end, Document task, List<Document> events, List<Document> outputs) {
            this(end, task, events, outputs, task.getString("_id"), task.getString("key"), task.getString("title"));
        }
    }
}

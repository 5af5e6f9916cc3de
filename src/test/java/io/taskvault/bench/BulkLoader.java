package io.taskvault.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
import io.taskvault.task.TaskService;
import io.taskvault.task.TaskState;
import io.taskvault.task.history.HashChain;
import io.taskvault.task.output.OutputDraft;
import io.taskvault.task.output.OutputType;

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
        List<Document> events = db.getCollection("task_history").find(Filters.eq("taskId", id)).into(new ArrayList<>());
        events.sort((a, b) -> Long.compare(((Number) a.get("seq")).longValue(), ((Number) b.get("seq")).longValue()));
        List<Document> outputs = db.getCollection("task_outputs").find(Filters.eq("taskId", id)).into(new ArrayList<>());
        if (events.size() != 10 || outputs.size() != 2) {
            throw new IllegalStateException("template " + end + " has " + events.size() + " events, " + outputs.size() + " outputs");
        }
        return new Template(end, raw, events, outputs);
    }

    static TaskDraft draft(String title, String role) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return new TaskDraft(title, "Write the code, the tests and the docs for this part; keep the build green.",
                role, Priority.values()[random.nextInt(4)], List.of("bench", "wave-" + random.nextInt(10)),
                null, null, "claude", "sonnet", "https://git.example.com/app.git", "feature/x", "main", null, null, ".",
                false, null, null, null, List.of("src/App.java"), random.nextInt(1, 11), "STORY-1", "EPIC-1", "developer",
                null, null, null, null);
    }

    /** Inserts {@code count} cloned tasks in batches; returns the tasks per second. */
    double load(int count, String label) {
        long start = System.nanoTime();
        long lastReport = start;
        List<Document> taskBatch = new ArrayList<>();
        List<Document> eventBatch = new ArrayList<>();
        List<Document> outputBatch = new ArrayList<>();
        InsertManyOptions unordered = new InsertManyOptions().ordered(false);
        for (int i = 0; i < count; i++) {
            clone(taskBatch, eventBatch, outputBatch);
            if (taskBatch.size() == BATCH_TASKS || i == count - 1) {
                db.getCollection("task_history").insertMany(eventBatch, unordered);
                db.getCollection("task_outputs").insertMany(outputBatch, unordered);
                db.getCollection("tasks").insertMany(taskBatch, unordered);
                taskBatch.clear();
                eventBatch.clear();
                outputBatch.clear();
                if (System.nanoTime() - lastReport > 10_000_000_000L) {
                    lastReport = System.nanoTime();
                    System.err.printf("  %s: %,d of %,d tasks loaded (%.0f tasks/s)%n", label, i + 1, count,
                            (i + 1) / ((lastReport - start) / 1e9));
                }
            }
        }
        db.getCollection("counters").updateOne(Filters.eq("_id", "taskKey"), Updates.max("value", nextKey),
                new UpdateOptions().upsert(true));
        return count / ((System.nanoTime() - start) / 1e9);
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
        Map<Object, Object> swap = Map.of(t.id, UUID.randomUUID().toString(), t.key, "TV-" + key, t.title, title,
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

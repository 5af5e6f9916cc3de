package io.taskvault.task;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.bson.Document;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import io.taskvault.store.StoreChanges;
import io.taskvault.task.history.ChainReport;
import io.taskvault.task.history.EventType;
import io.taskvault.task.history.HashChain;
import io.taskvault.task.history.HistoryEvent;
import io.taskvault.task.output.OutputDraft;
import io.taskvault.task.output.OutputStore;
import io.taskvault.task.output.TaskOutput;
import io.taskvault.task.deletion.Tombstone;
import io.taskvault.task.deletion.TombstoneStore;
import io.taskvault.task.secrets.SecretRedactor;

/** The one entry point to tasks: the shell, the dashboard, the REST API and the jobs all come through here. */
@Service
public class TaskService {

    public static final int MAX_NOTE = 20_000;
    /** The history detail (and metadata key on creation) that counts the secrets redacted before storing. */
    public static final String REDACTED = "redactedSecrets";

    private final TaskWriter writer;
    private final TaskStore tasks;
    private final HistoryStore history;
    private final OutputStore outputs;
    private final TaskLookup lookup;
    private final KeySequence keys;
    private final StatisticsReader statistics;
    private final ObjectProvider<CreationDefaults> defaults;
    private volatile CreationDefaults foundDefaults;
    private final TaskDeletion deletion;
    private final TombstoneStore tombstones;
    private final StoreChanges changes;

    TaskService(TaskWriter writer, TaskStore tasks, HistoryStore history, OutputStore outputs, TaskLookup lookup,
                KeySequence keys, StatisticsReader statistics, ObjectProvider<CreationDefaults> defaults,
                TaskDeletion deletion, TombstoneStore tombstones, StoreChanges changes) {
        this.changes = changes;
        this.deletion = deletion;
        this.tombstones = tombstones;
        this.writer = writer;
        this.tasks = tasks;
        this.history = history;
        this.outputs = outputs;
        this.lookup = lookup;
        this.keys = keys;
        this.statistics = statistics;
        this.defaults = defaults;
    }

    /**
     * Creates a PENDING task with its CREATED event; a known external id returns that task instead. A draft naming no
     * role or provider gets the creating person's defaults.
     */
    public Task create(TaskDraft draft, String actor) {
        if (draft == null) {
            throw new InvalidTaskException("task", "is required");
        }
        CreationDefaults filler = defaults();
        Task task = (filler == null ? draft : filler.fill(draft)).toTask();
        //why: redacted first, so no message about an invalid field can quote a secret
        int redacted = task.redactSecrets();
        task.validate();
        if (redacted > 0) {
            task.getMetadata().put(REDACTED, redacted);
        }
        if (task.getExternalId() != null) {
            Optional<Task> existing = tasks.byExternalId(task.getExternalId());
            if (existing.isPresent()) {
                return existing.get();
            }
        }
        task.setDependsOn(existing("dependsOn", task.getDependsOn()));
        task.setRelatedTo(existing("relatedTo", task.getRelatedTo()));
        task.setId(TaskIds.next());
        task.setKey(keys.next());
        task.setState(TaskState.PENDING);
        task.setCreatedBy(task.getCreatedBy() == null ? actorOf(actor) : task.getCreatedBy());
        task.setCreatedAt(writer.now());
        try {
            Task created = writer.create(task);
            //why: listeners of the creation link declared dependencies and may block the task at once
            return created.getDependsOn().isEmpty() ? created : find(created.getId()).orElse(created);
        } catch (com.mongodb.MongoWriteException e) {
            //why: two creations with one external id raced; the loser answers with the winner's task
            if (e.getError().getCategory() == com.mongodb.ErrorCategory.DUPLICATE_KEY && task.getExternalId() != null) {
                return tasks.byExternalId(task.getExternalId()).orElseThrow(() -> e);
            }
            throw e;
        }
    }

    //why: kept once it exists; the provider resolves the bean anew on every call, on every create
    private CreationDefaults defaults() {
        CreationDefaults found = foundDefaults;
        if (found == null) {
            found = defaults.getIfAvailable();
            foundDefaults = found;
        }
        return found;
    }

    //why: a reference must name a task; stored as the id it names, it needs no rewrite (and no history event) later
    private List<String> existing(String field, List<String> references) {
        if (references == null || references.isEmpty()) {
            return references;
        }
        List<String> ids = new java.util.ArrayList<>();
        for (String reference : references) {
            try {
                ids.add(lookup.resolve(reference));
            } catch (TaskNotFoundException e) {
                //why: the request is at fault, not its address: a 400 naming the field, not a 404
                throw new InvalidTaskException(field, "no task '" + reference + "' exists; 'list' shows the tasks there are");
            }
        }
        return ids;
    }

    /**
     * Refuses a role or provider a task could not be created with, naming the field: what a default must meet.
     */
    public void checkRoleAndProvider(String role, String provider) {
        TaskDraft.titled("check").withDefaults(role, provider).toTask().validate();
    }

    /** The task's current state, read fresh (after rolling forward anything a crash left behind). */
    public Task get(String reference) {
        //why: the lookup has read the task already; reading it again by id cost every show and get a round trip
        return writer.current(lookup.find(reference)).orElseThrow(() -> new TaskNotFoundException(reference));
    }

    /**
     * The task with exactly this id, read fresh; empty when there is none. Unlike {@link #find} no key, number or id
     * prefix is tried: for a vanished task the prefix is a scan of every task (a second each at 1,000,000).
     */
    public Optional<Task> byId(String id) {
        return writer.load(id);
    }

    public Optional<Task> find(String reference) {
        try {
            return Optional.of(get(reference));
        } catch (TaskNotFoundException e) {
            return Optional.empty();
        }
    }

    /** Changes editable fields; {@code expectedVersion} (if given) must be the task's version. */
    public Task update(String reference, Map<String, ?> patch, String actor, Long expectedVersion) {
        if (patch == null || patch.isEmpty()) {
            throw new InvalidTaskException("fields", "name at least one field to change");
        }
        for (String field : List.of("dependsOn", "relatedTo")) {
            if (patch.get(field) instanceof List<?> refs) {
                existing(field, refs.stream().map(String::valueOf).toList());
            } else if (patch.get(field) instanceof String refs) {
                existing(field, java.util.Arrays.stream(refs.split(",")).map(String::trim).filter(r -> !r.isEmpty()).toList());
            }
        }
        return writer.change(lookup.resolve(reference), actorOf(actor), current -> {
            checkVersion(current, expectedVersion);
            current.patch(patch);
            int redacted = current.redactSecrets();
            current.validate();
            return Optional.of(new TaskChange(EventType.UPDATED, current, "fields edited", null,
                    redactedCount(Map.of(), redacted)));
        });
    }

    /** Moves the task to another state, checked against the fresh state and the transition table. */
    public Task transition(String reference, TaskState to, String actor, String reason, Map<String, Object> details,
                           Long expectedVersion) {
        if (to == null) {
            throw new InvalidTaskException("to", "is required: one of " + List.of(TaskState.values()));
        }
        ArchiveRights.checkTarget(to);
        checkText("reason", reason, MAX_NOTE);
        SecretRedactor.Redacted why = SecretRedactor.redact(reason);
        SecretRedactor.Redacted.InMap extra = SecretRedactor.redact(details == null ? Map.of() : details);
        Map<String, String> errors = new java.util.LinkedHashMap<>();
        TaskValidator.map(errors, "details", extra.map(), 1);
        if (!errors.isEmpty()) {
            throw new InvalidTaskException(errors);
        }
        return writer.change(lookup.resolve(reference), actorOf(actor), current -> {
            checkVersion(current, expectedVersion);
            ArchiveRights.checkLeaving(current);
            EventType type = current.transitionTo(to, why.text(), writer.now());
            String error = to == TaskState.FAILED || to == TaskState.INTERRUPTED ? current.getLastError() : null;
            return Optional.of(new TaskChange(type, current, why.text(), error,
                    redactedCount(extra.map(), why.count() + extra.count())));
        });
    }

    /** Refuses at once when the caller's role may not move tasks to this state (bulk doors ask before they start). */
    public void checkMayMoveTo(TaskState to) {
        ArchiveRights.checkTarget(to);
    }

    public Task transition(String reference, TaskState to, String actor, String reason) {
        return transition(reference, to, actor, reason, Map.of(), null);
    }

    /** Sends a FAILED or INTERRUPTED task back to PENDING for another attempt. */
    public Task retry(String reference, String actor, String reason) {
        return transition(reference, TaskState.PENDING, actor, reason == null ? "retry" : reason);
    }

    /** Restores an archived task to the state it had when it was archived. */
    public Task restore(String reference, String actor) {
        Task task = get(reference);
        if (task.getState() != TaskState.ARCHIVED) {
            throw new IllegalTransitionException(task.getKey(), task.getState(), TaskState.ARCHIVED);
        }
        return transition(task.getId(), task.getPreviousState(), actor, "restored");
    }

    /** Adds an output (stdout, a log, an artifact …) and records it in the task's history. */
    public TaskOutput appendOutput(String reference, OutputDraft draft, String actor) {
        if (draft == null || draft.type() == null) {
            throw new InvalidTaskException("type", "is required: one of " + List.of(io.taskvault.task.output.OutputType.values()));
        }
        io.taskvault.task.output.OutputMediaTypes.problem(draft.mimeType()).ifPresent(problem -> {
            throw new InvalidTaskException("mimeType", problem);
        });
        String id = lookup.resolve(reference);
        TaskOutput[] stored = new TaskOutput[1];
        writer.change(id, actorOf(actor), current -> {
            long seq = current.nextOutputSeq();
            OutputStore.Prepared ready = outputs.prepare(id, seq, draft, writer.now());
            TaskOutput prepared = ready.output();
            Map<String, Object> details = redactedCount(Map.of("outputId", prepared.id(),
                    "type", prepared.type().name(), "size", prepared.size(), "sha256", prepared.sha256(),
                    "storage", prepared.inline() ? "inline" : "gridfs"), ready.redactions());
            return Optional.of(new TaskChange(EventType.OUTPUT_ADDED, current, "output added", null, details, eventId -> {
                stored[0] = prepared.withEventId(eventId);
                outputs.insert(stored[0]);
            }));
        });
        return stored[0];
    }

    /** Records a note in the task's history. */
    public HistoryEvent addNote(String reference, String text, String actor) {
        if (text == null || text.isBlank()) {
            throw new InvalidTaskException("note", "is empty");
        }
        checkText("note", text, MAX_NOTE);
        SecretRedactor.Redacted note = SecretRedactor.redact(text);
        Task task = writer.change(lookup.resolve(reference), actorOf(actor), current -> Optional.of(
                new TaskChange(EventType.NOTE, current, note.text(), null, redactedCount(Map.of(), note.count()))));
        return history.events(task.getId(), task.getVersion(), task.getVersion()).get(0);
    }

    /**
     * One page of the query's matches, with a cursor to the next page only when a match follows this page: the
     * query reads one match past its limit to know.
     */
    public TaskPage list(TaskQuery query) {
        Query page = TaskQueries.query(query, true).limit(query.limit() + 1);
        List<Document> found = new ArrayList<>();
        tasks.stream(page).forEach(found::add);
        boolean more = found.size() > query.limit();
        if (more) {
            found.remove(found.size() - 1);
        }
        long total = query.cursor() == null && !more
                ? query.offset() + found.size() : tasks.count(TaskQueries.query(query.withCursor(null), false));
        String next = more ? TaskQueries.cursorAfter(query, found.get(found.size() - 1)) : null;
        return new TaskPage(found.stream().map(tasks::toTask).toList(), total, query.offset(), query.limit(), next);
    }

    /** A cursor just past the query's first match after its offset (its limit ignored), or null when there is none. */
    public String cursorAfterFirst(TaskQuery query) {
        Query first = TaskQueries.query(query.withLimit(1, query.offset()), true);
        try (Stream<Document> matches = tasks.stream(first)) {
            return matches.findFirst().map(match -> TaskQueries.cursorAfter(query, match)).orElse(null);
        }
    }

    /** How many tasks the query matches (its limit, offset and cursor ignored), without reading them. */
    public long count(TaskQuery query) {
        return tasks.count(TaskQueries.query(query.withCursor(null), false));
    }

    /**
     * The ids of every task the query matches, in its order (its limit, offset and cursor ignored): one pass for
     * jobs that visit every match, where paging would filter every task once per page.
     */
    public List<String> idsOf(TaskQuery query) {
        Query all = TaskQueries.query(query.withCursor(null), false);
        all.fields().include("_id");
        List<String> ids = new ArrayList<>();
        tasks.stream(all).forEach(d -> ids.add(String.valueOf(d.get("_id"))));
        return ids;
    }

    /**
     * Hands every task the query matches to {@code page}, 500 at a time in the query's order: the ids in one pass
     * ({@link #idsOf}), then the tasks by id. A task may have changed between the two; callers check what they need.
     * //why: paging through {@link #list} filters every candidate once per page (jobs at 1,000,000 tasks took minutes)
     */
    public void forEachPage(TaskQuery query, java.util.function.Consumer<List<Task>> page) {
        inPages(idsOf(query), page);
    }

    private void inPages(List<String> ids, java.util.function.Consumer<List<Task>> page) {
        for (int from = 0; from < ids.size(); from += TaskQuery.MAX_LIMIT) {
            page.accept(byIds(ids.subList(from, Math.min(ids.size(), from + TaskQuery.MAX_LIMIT))));
        }
    }

    /**
     * Every task in one of {@code states}, as read: their ids by the indexed state query, then the tasks by id.
     * A task may change meanwhile; callers check what they need.
     */
    public void forEachIn(Set<TaskState> states, java.util.function.Consumer<Task> action) {
        //why: a task is read after it was picked, so its state is asked again as read
        forEachPage(TaskQuery.all().withStates(states), found -> found.forEach(task -> {
            if (states.contains(task.getState())) {
                action.accept(task);
            }
        }));
    }

    /**
     * Every RUNNING task, as read, whose last change is dated before {@code before} or not dated: the tasks that may
     * have gone quiet, found on two ranges of the state_updatedAt index instead of reading every RUNNING task.
     */
    public void forEachRunningUnchangedSince(java.time.Instant before, java.util.function.Consumer<Task> action) {
        Set<String> ids = new java.util.LinkedHashSet<>();
        Criteria running = Criteria.where("state").is(TaskState.RUNNING.name());
        for (Criteria unchanged : List.of(Criteria.where("updatedAt").lt(before), Criteria.where("updatedAt").is(null))) {
            Query quiet = Query.query(new Criteria().andOperator(running, unchanged));
            quiet.fields().include("_id");
            tasks.stream(quiet).forEach(found -> ids.add(String.valueOf(found.get("_id"))));
        }
        //why: a task is read after it was picked, so its state is asked again as read
        inPages(new ArrayList<>(ids), found -> found.stream().filter(task -> task.getState() == TaskState.RUNNING)
                .forEach(action));
    }

    /** The tasks with these ids, in this order (ids no task has any more are left out). */
    public List<Task> byIds(List<String> ids) {
        Map<String, Task> found = new java.util.HashMap<>();
        tasks.find(Query.query(Criteria.where("_id").in(ids)))
                .forEach(t -> found.put(t.getId(), t));
        return ids.stream().map(found::get).filter(java.util.Objects::nonNull).toList();
    }

    /**
     * Deletes the task, hot or archived, with its history, outputs, context records and edges, leaving a tombstone
     * (ADMIN only; the reason is required). Deleting a task already deleted finishes that delete and returns its
     * tombstone.
     */
    public Tombstone delete(String reference, String actor, String reason) {
        DeletionRights.check(reference);
        if (reason == null || reason.isBlank()) {
            throw new InvalidTaskException("reason", "is required: say why the task is deleted");
        }
        checkText("reason", reason, MAX_NOTE);
        return deletion.delete(reference, actorOf(actor), SecretRedactor.redact(reason.trim()).text());
    }

    /** Whether the caller may delete tasks (the doors show the delete action only then). */
    public boolean mayDelete() {
        return DeletionRights.callerMayDelete();
    }

    /** The newest {@code limit} tombstones (1 to {@link TaskQuery#MAX_LIMIT}), newest first. */
    public List<Tombstone> tombstones(int limit) {
        if (limit < 1 || limit > TaskQuery.MAX_LIMIT) {
            throw new InvalidTaskException("limit", "must be between 1 and " + TaskQuery.MAX_LIMIT);
        }
        return tombstones.newest(limit);
    }

    /** The tombstone of a deleted task, by its id or key. */
    public Optional<Tombstone> tombstone(String reference) {
        return tombstones.find(reference);
    }

    /** The number of the last key handed out (TV-12 → 12); every number up to it names a task that existed. */
    public long lastKeyNumber() {
        return keys.last();
    }

    public List<HistoryEvent> history(String reference) {
        Task task = get(reference);
        return history.events(task.getId(), 1, task.getVersion());
    }

    /** The task, its history and its outputs from one lookup (history and outputs each resolve the task again). */
    public TaskDetail detail(String reference) {
        Task task = get(reference);
        //why: one read of the history serves both the listing and the chain check (each read alone is a round trip)
        List<Document> raw = history.raw(task.getId(), 1, task.getVersion());
        ChainReport chain = HashChain.verify(task.getKey(), raw, task.getHistorySeq(), task.getHistoryHash());
        return new TaskDetail(task, raw.stream().map(history::read).toList(),
                outputs.list(task.getId(), task.getOutputSeq()), chain);
    }

    public List<TaskOutput> outputs(String reference) {
        Task task = get(reference);
        return outputs.list(task.getId(), task.getOutputSeq());
    }

    public TaskOutput output(String reference, long seq) {
        Task task = get(reference);
        return outputs.get(task.getId(), seq).orElseThrow(
                () -> new TaskNotFoundException("output " + seq + " of " + task.getKey()));
    }

    public InputStream openOutput(TaskOutput output) {
        return outputs.open(output);
    }

    /**
     * A counter that moves on every write to the tasks by any process on the store: a page rendered at one value is
     * stale once it moves.
     */
    public long changeVersion() {
        return changes.version(Task.COLLECTION);
    }

    public TaskStatistics statistics() {
        return statistics.get();
    }

    /** Walks the task's hash chain and compares its end with the task's head. */
    public ChainReport verify(String reference) {
        return verify(get(reference));
    }

    /** Walks the chain of a task just read (a caller that holds it saves resolving it again). */
    public ChainReport verify(Task task) {
        return HashChain.verify(task.getKey(), history.raw(task.getId(), 1, task.getVersion()), task.getHistorySeq(),
                task.getHistoryHash());
    }

    private static Map<String, Object> redactedCount(Map<String, Object> details, int count) {
        if (count == 0) {
            return details;
        }
        Map<String, Object> withCount = new java.util.LinkedHashMap<>(details);
        withCount.put(REDACTED, count);
        return withCount;
    }

    private static void checkVersion(Task current, Long expected) {
        if (expected != null && expected != current.getVersion()) {
            throw new VersionMismatchException(current.getKey(), expected, current.getVersion());
        }
    }

    private static void checkText(String field, String value, int max) {
        if (value != null && value.length() > max) {
            throw new InvalidTaskException(field, "is longer than " + max + " characters");
        }
    }

    static String actorOf(String actor) {
        return actor == null || actor.isBlank() ? "anonymous" : actor.trim();
    }
}

package io.taskvault.task;

import static io.taskvault.support.TaskDrafts.aTask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.bson.BsonType;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

import io.taskvault.task.history.EventType;
import io.taskvault.task.history.HistoryEvent;
import io.taskvault.task.output.OutputDraft;
import io.taskvault.task.output.OutputType;
import io.taskvault.task.output.TaskOutput;

/** The storage contract: the same behaviour on every MongoDB taskvault can run on. */
abstract class TaskServiceContract {

    @Autowired
    TaskService tasks;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    TaskStore store;

    @Test
    void aPassPageByPageMeetsEveryTaskOnceInIdOrder() {
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            created.add(tasks.create(aTask().build(), "x").getId());
        }
        List<String> passed = new ArrayList<>();
        store.forEachInIdOrder(new Document("title", 1), 3, task -> passed.add(task.getString("_id")));
        assertThat(passed).doesNotHaveDuplicates().isSorted().containsAll(created)
                .hasSize((int) mongo.getCollection("tasks").countDocuments(Filters.type("_id", BsonType.STRING)));
    }

    @Test
    void createsAPendingTaskWithAKeyAndItsCreatedEvent() {
        Task task = tasks.create(aTask().titled("Write the parser").build(), "alice");

        assertThat(task.getKey()).matches("TV-\\d+");
        assertThat(task.getState()).isEqualTo(TaskState.PENDING);
        assertThat(task.getCreatedBy()).isEqualTo("alice");
        assertThat(task.getVersion()).isEqualTo(1);
        assertThat(java.util.UUID.fromString(task.getId()).version()).isEqualTo(7);
        List<HistoryEvent> history = tasks.history(task.getKey());
        assertThat(history).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo(EventType.CREATED);
            assertThat(event.id()).isEqualTo(task.getId() + ":1");
            assertThat(event.changes()).containsKey("title");
        });
    }

    @Test
    void findsATaskByIdKeyNumberAndIdPrefix() {
        Task task = tasks.create(aTask().build(), "alice");

        assertThat(tasks.get(task.getId()).getKey()).isEqualTo(task.getKey());
        assertThat(tasks.get(task.getKey().toLowerCase()).getId()).isEqualTo(task.getId());
        assertThat(tasks.get(String.valueOf(task.getKeyNumber())).getId()).isEqualTo(task.getId());
        assertThat(tasks.get(task.getId().substring(0, 23)).getId()).isEqualTo(task.getId());
        assertThatThrownBy(() -> tasks.get("TV-999999999")).isInstanceOf(TaskNotFoundException.class)
                .hasMessageContaining("TV-999999999");
    }

    @Test
    void refusesInvalidDraftsNamingEachBadField() {
        assertThatThrownBy(() -> tasks.create(aTask().titled(" ").withComplexity(11).withTags("ok", "bad tag!").build(), "a"))
                .isInstanceOfSatisfying(InvalidTaskException.class, e -> assertThat(e.errors())
                        .containsKeys("title", "complexityScore", "tags"));
        assertThatThrownBy(() -> tasks.create(aTask().withMetadata("$where", "1").build(), "a"))
                .isInstanceOf(InvalidTaskException.class).hasMessageContaining("$where");
    }

    @Test
    void followsTheLifecycleAndStampsItsTimes() {
        Task task = tasks.create(aTask().build(), "alice");
        tasks.transition(task.getKey(), TaskState.QUEUED, "orchestrator", "picked");
        Task running = tasks.transition(task.getKey(), TaskState.RUNNING, "agent-1", "started");
        assertThat(running.getStartedAt()).isNotNull();

        Task failed = tasks.transition(task.getKey(), TaskState.FAILED, "agent-1", "compiler error");
        assertThat(failed.getCompletedAt()).isNotNull();
        assertThat(failed.getErrorCount()).isEqualTo(1);
        assertThat(failed.getLastError()).isEqualTo("compiler error");

        Task retried = tasks.retry(task.getKey(), "alice", null);
        assertThat(retried.getState()).isEqualTo(TaskState.PENDING);
        assertThat(retried.getAttempt()).isEqualTo(1);
        assertThat(retried.getCompletedAt()).isNull();

        List<HistoryEvent> history = tasks.history(task.getKey());
        assertThat(history).extracting(HistoryEvent::toState).containsExactly(TaskState.PENDING, TaskState.QUEUED,
                TaskState.RUNNING, TaskState.FAILED, TaskState.PENDING);
        assertThat(history.get(3).errorMessage()).isEqualTo("compiler error");
        assertThat(history.get(2).actor()).isEqualTo("agent-1");
    }

    @Test
    void refusesAnIllegalTransitionListingTheAllowedOnes() {
        Task task = tasks.create(aTask().build(), "alice");

        assertThatThrownBy(() -> tasks.transition(task.getKey(), TaskState.COMPLETED, "a", null))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("PENDING").hasMessageContaining("BLOCKED, CANCELLED, QUEUED");
        assertThat(tasks.get(task.getKey()).getVersion()).isEqualTo(1);
    }

    @Test
    void archivesAndRestoresToTheStateTheTaskHad() {
        Task task = finished(TaskState.CANCELLED);
        Task archived = tasks.transition(task.getKey(), TaskState.ARCHIVED, "archiver", "old");
        assertThat(archived.getArchivedAt()).isNotNull();
        assertThat(archived.getPreviousState()).isEqualTo(TaskState.CANCELLED);

        Task restored = tasks.restore(task.getKey(), "alice");
        assertThat(restored.getState()).isEqualTo(TaskState.CANCELLED);
        assertThat(restored.getArchivedAt()).isNull();
        assertThat(tasks.history(task.getKey())).extracting(HistoryEvent::type).endsWith(EventType.ARCHIVED,
                EventType.RESTORED);
    }

    @Test
    void recordsFieldLevelChangesOfAnUpdate() {
        Task task = tasks.create(aTask().withRole("backend").build(), "alice");

        Task updated = tasks.update(task.getKey(), Map.of("role", "frontend", "tags", List.of("ui", "css")), "bob", null);

        assertThat(updated.getRole()).isEqualTo("frontend");
        HistoryEvent event = tasks.history(task.getKey()).get(1);
        assertThat(event.type()).isEqualTo(EventType.UPDATED);
        assertThat(event.changes().get("role").before()).isEqualTo("backend");
        assertThat(event.changes().get("role").after()).isEqualTo("frontend");
        assertThat(event.changes()).containsKey("tags").doesNotContainKey("title");
        assertThatThrownBy(() -> tasks.update(task.getKey(), Map.of("state", "COMPLETED"), "bob", null))
                .isInstanceOf(InvalidTaskException.class).hasMessageContaining("state");
    }

    @Test
    void refusesAConditionalChangeOnAStaleVersion() {
        Task task = tasks.create(aTask().build(), "alice");
        tasks.update(task.getKey(), Map.of("title", "Renamed"), "bob", 1L);

        assertThatThrownBy(() -> tasks.update(task.getKey(), Map.of("title", "Again"), "carol", 1L))
                .isInstanceOf(VersionMismatchException.class).hasMessageContaining("version 2");
    }

    @Test
    void detailReadsTheTaskItsWholeHistoryItsOutputsAndItsChainAsTheSeparateCallsDo() {
        Task task = tasks.create(aTask().build(), "alice");
        tasks.addNote(task.getKey(), "first look", "bob");
        tasks.appendOutput(task.getKey(), OutputDraft.text(OutputType.STDOUT, "ok"), "agent");

        TaskDetail detail = tasks.detail(task.getKey());

        assertThat(detail.task().getVersion()).isEqualTo(tasks.get(task.getId()).getVersion());
        assertThat(detail.history()).extracting(HistoryEvent::seq)
                .containsExactlyElementsOf(tasks.history(task.getId()).stream().map(HistoryEvent::seq).toList());
        assertThat(detail.outputs()).extracting(TaskOutput::seq).containsExactly(1L);
        assertThat(detail.chain()).isEqualTo(tasks.verify(task.getKey()));
        assertThat(detail.chain().events()).isEqualTo(detail.history().size());
    }

    @Test
    void keepsSmallOutputsInlineAndLargeOnesInGridFs() throws IOException {
        Task task = tasks.create(aTask().build(), "alice");
        TaskOutput small = tasks.appendOutput(task.getKey(), OutputDraft.text(OutputType.STDOUT, "hello\nworld"), "agent");
        byte[] big = new byte[300 * 1024];
        Arrays.fill(big, (byte) 'x');
        TaskOutput large = tasks.appendOutput(task.getKey(),
                new OutputDraft(OutputType.LOG, () -> new ByteArrayInputStream(big), "build.log", null, null, null), "agent");

        assertThat(small.inline()).isTrue();
        assertThat(large.inline()).isFalse();
        assertThat(large.size()).isEqualTo(big.length);
        assertThat(tasks.outputs(task.getKey())).extracting(TaskOutput::seq).containsExactly(1L, 2L);
        try (InputStream in = tasks.openOutput(tasks.output(task.getKey(), 2))) {
            assertThat(in.readAllBytes()).isEqualTo(big);
        }
        try (InputStream in = tasks.openOutput(tasks.output(task.getKey(), 1))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("hello\nworld");
        }
        assertThat(tasks.history(task.getKey())).extracting(HistoryEvent::type)
                .containsExactly(EventType.CREATED, EventType.OUTPUT_ADDED, EventType.OUTPUT_ADDED);
    }

    @Test
    void listsTasksByEveryFilterSortedAndPaged() {
        String tag = "t" + System.nanoTime();
        Task a = tasks.create(aTask().titled("Alpha parser").withRole("qa").withTags(tag).withPriority(Priority.HIGH).build(), "x");
        Task b = tasks.create(aTask().titled("Beta PARSER").withRole("qa").withTags(tag, "extra").withPriority(Priority.LOW).build(), "x");
        Task c = tasks.create(aTask().titled("Gamma").withRole("ops").withTags(tag).withProvider("gpt").build(), "x");
        tasks.transition(c.getKey(), TaskState.CANCELLED, "x", "no longer needed");
        TaskQuery mine = TaskQuery.all().withTags(Set.of(tag));

        assertThat(keys(tasks.list(mine.withRoles(Set.of("qa"))))).containsExactlyInAnyOrder(a.getKey(), b.getKey());
        assertThat(keys(tasks.list(mine.withText("parser")))).containsExactlyInAnyOrder(a.getKey(), b.getKey());
        assertThat(keys(tasks.list(mine.withStates(Set.of(TaskState.CANCELLED))))).containsExactly(c.getKey());
        assertThat(keys(tasks.list(mine.withTags(Set.of(tag, "extra"))))).containsExactly(b.getKey());
        assertThat(keys(tasks.list(mine.sortedBy(TaskQuery.SortField.PRIORITY, true).withRoles(Set.of("qa")))))
                .containsExactly(a.getKey(), b.getKey());
        assertThat(keys(tasks.list(mine.withText("a.*")))).isEmpty();

        TaskPage first = tasks.list(mine.sortedBy(TaskQuery.SortField.KEY, false).withLimit(2, 0));
        assertThat(first.total()).isEqualTo(3);
        assertThat(keys(first)).containsExactly(a.getKey(), b.getKey());
        TaskPage second = tasks.list(mine.sortedBy(TaskQuery.SortField.KEY, false).withLimit(2, 0).withCursor(first.nextCursor()));
        assertThat(keys(second)).containsExactly(c.getKey());
        assertThat(first.nextCursor()).as("a match follows the first page").isNotNull();
        assertThat(second.nextCursor()).as("nothing follows the last page").isNull();
        TaskPage byOffset = tasks.list(mine.sortedBy(TaskQuery.SortField.KEY, false).withLimit(2, 2));
        assertThat(keys(byOffset)).containsExactly(c.getKey());
        TaskPage exactlyFull = tasks.list(mine.sortedBy(TaskQuery.SortField.KEY, false).withLimit(3, 0));
        assertThat(keys(exactlyFull)).containsExactly(a.getKey(), b.getKey(), c.getKey());
        assertThat(exactlyFull.total()).isEqualTo(3);
        assertThat(exactlyFull.nextCursor()).as("a page filled by the last match has no next page").isNull();
        TaskPage lastByCursor = tasks.list(mine.sortedBy(TaskQuery.SortField.KEY, false).withLimit(1, 0)
                .withCursor(tasks.list(mine.sortedBy(TaskQuery.SortField.KEY, false).withLimit(2, 0)).nextCursor()));
        assertThat(keys(lastByCursor)).containsExactly(c.getKey());
        assertThat(lastByCursor.total()).isEqualTo(3);
        assertThat(lastByCursor.nextCursor()).as("a full page by cursor that ends at the last match").isNull();

        TaskQuery byKeyDescending = mine.sortedBy(TaskQuery.SortField.KEY, true).withLimit(1, 1);
        assertThat(tasks.idsOf(byKeyDescending)).as("every match in order, past limit, offset and cursor")
                .containsExactly(c.getId(), b.getId(), a.getId());
        assertThat(tasks.idsOf(byKeyDescending.withStates(Set.of(TaskState.PENDING)).withCursor(first.nextCursor())))
                .containsExactly(b.getId(), a.getId());
        assertThat(tasks.byIds(List.of(b.getId(), "no-such-task", a.getId())).stream().map(Task::getKey))
                .containsExactly(b.getKey(), a.getKey());
    }

    @Test
    void findsByExactIdOnlyWhenAskedById() {
        Task task = tasks.create(aTask().build(), "x");
        String prefix = task.getId().substring(0, 23);

        assertThat(tasks.byId(task.getId())).map(Task::getKey).contains(task.getKey());
        assertThat(tasks.byId(prefix)).as("no prefix lookup").isEmpty();
        assertThat(tasks.byId(task.getKey())).as("no key lookup").isEmpty();
        assertThat(tasks.find(prefix)).map(Task::getId).contains(task.getId());
    }

    @Test
    void visitsEveryTaskInTheGivenStatesAndNoOther() {
        Task running = tasks.create(aTask().titled("runs").build(), "x");
        tasks.transition(running.getKey(), TaskState.QUEUED, "x", null);
        tasks.transition(running.getKey(), TaskState.RUNNING, "x", null);
        Task pending = tasks.create(aTask().titled("waits").build(), "x");
        Task cancelled = tasks.create(aTask().titled("stopped").build(), "x");
        tasks.transition(cancelled.getKey(), TaskState.CANCELLED, "x", null);

        List<Task> seen = new java.util.ArrayList<>();
        tasks.forEachIn(Set.of(TaskState.RUNNING, TaskState.CANCELLED), seen::add);

        assertThat(seen).extracting(Task::getKey).contains(running.getKey(), cancelled.getKey())
                .doesNotContain(pending.getKey());
        assertThat(seen).extracting(Task::getState).containsOnly(TaskState.RUNNING, TaskState.CANCELLED);
        assertThat(seen).filteredOn(t -> t.getKey().equals(running.getKey())).singleElement()
                .satisfies(t -> assertThat(t.getVersion()).isEqualTo(tasks.get(running.getKey()).getVersion()));
    }

    @Test
    void visitsTheRunningTasksUnchangedSinceAMomentOrUndated() {
        //why: dates ahead of now, so the application's own lease recovery, which shares this store, finds none of
        //    these tasks expired and leaves them RUNNING (the other tests count tasks by state)
        java.time.Instant now = java.time.Instant.now();
        java.time.Instant before = now.plus(java.time.Duration.ofDays(2));
        Task quiet = runningChangedAt(now.plus(java.time.Duration.ofDays(1)));
        Task undated = runningChangedAt(null);
        Task busy = runningChangedAt(now.plus(java.time.Duration.ofDays(3)));
        Task waiting = tasks.create(aTask().titled("waits").build(), "x");
        mongo.getCollection(Task.COLLECTION).updateOne(new org.bson.Document("_id", waiting.getId()),
                new org.bson.Document("$set", new org.bson.Document("updatedAt", java.util.Date.from(before.minusSeconds(60)))));

        List<Task> seen = new java.util.ArrayList<>();
        tasks.forEachRunningUnchangedSince(before, seen::add);

        assertThat(seen).extracting(Task::getKey).contains(quiet.getKey(), undated.getKey())
                .doesNotContain(busy.getKey(), waiting.getKey());
        assertThat(seen).extracting(Task::getState).containsOnly(TaskState.RUNNING);
    }

    private Task runningChangedAt(java.time.Instant updatedAt) {
        Task task = tasks.create(aTask().titled("runs").build(), "x");
        tasks.transition(task.getKey(), TaskState.QUEUED, "x", null);
        tasks.transition(task.getKey(), TaskState.RUNNING, "x", null);
        org.bson.Document change = updatedAt == null ? new org.bson.Document("$unset", new org.bson.Document("updatedAt", ""))
                : new org.bson.Document("$set", new org.bson.Document("updatedAt", java.util.Date.from(updatedAt)));
        mongo.getCollection(Task.COLLECTION).updateOne(new org.bson.Document("_id", task.getId()), change);
        return task;
    }

    @Test
    void countsTasksByStateRoleAndProvider() {
        java.time.Instant settled = java.time.Instant.now();
        //why: statistics may be up to a second old; the comparison needs a count holding every earlier write
        TaskStatistics before = org.awaitility.Awaitility.await().atMost(5, TimeUnit.SECONDS)
                .until(tasks::statistics, s -> !s.countedAt().isBefore(settled));
        //why: the store is shared with other test classes, which have their own tasks with other roles
        String role = "stats-role-" + System.nanoTime();
        String provider = "stats-provider-" + System.nanoTime();
        Task task = tasks.create(aTask().withRole(role).withProvider(provider).build(), "x");
        tasks.transition(task.getKey(), TaskState.QUEUED, "x", null);
        tasks.transition(task.getKey(), TaskState.RUNNING, "x", null);
        tasks.transition(task.getKey(), TaskState.COMPLETED, "x", null);

        org.awaitility.Awaitility.await().atMost(5, TimeUnit.SECONDS).untilAsserted(() -> {
            TaskStatistics after = tasks.statistics();
            assertThat(after.total()).isEqualTo(before.total() + 1);
            assertThat(after.byRole()).containsEntry(role, 1L);
            assertThat(after.byProvider()).containsEntry(provider, 1L);
            assertThat(after.byState().get(TaskState.COMPLETED)).isEqualTo(before.byState().get(TaskState.COMPLETED) + 1);
            assertThat(after.meanRunningMillisByRole()).containsKey(role);
        });
    }

    @Test
    void averagesTheComplexityOfTheTasksThatHaveOne() {
        java.time.Instant settled = java.time.Instant.now();
        TaskStatistics before = org.awaitility.Awaitility.await().atMost(5, TimeUnit.SECONDS)
                .until(tasks::statistics, s -> !s.countedAt().isBefore(settled));
        double sumBefore = before.averageComplexity() == null ? 0 : before.averageComplexity() * before.tasksWithComplexity();
        tasks.create(aTask().withComplexity(2).build(), "x");
        tasks.create(aTask().withComplexity(9).build(), "x");
        tasks.create(aTask().withComplexity(null).build(), "x");

        org.awaitility.Awaitility.await().atMost(5, TimeUnit.SECONDS).untilAsserted(() -> {
            TaskStatistics after = tasks.statistics();
            assertThat(after.tasksWithComplexity()).isEqualTo(before.tasksWithComplexity() + 2);
            assertThat(after.averageComplexity() * after.tasksWithComplexity())
                    .isCloseTo(sumBefore + 11, org.assertj.core.data.Offset.offset(1e-6));
        });
    }

    @Test
    void detectsATamperedEventInTheHashChain() {
        Task task = tasks.create(aTask().build(), "alice");
        tasks.transition(task.getKey(), TaskState.QUEUED, "x", "go");
        tasks.addNote(task.getKey(), "looks fine", "bob");
        assertThat(tasks.verify(task.getKey()).intact()).isTrue();

        mongo.getCollection(HistoryEvent.COLLECTION)
                .updateOne(Filters.eq("_id", task.getId() + ":2"), Updates.set("reason", "forged"));

        assertThat(tasks.verify(task.getKey()).problems()).anySatisfy(p -> assertThat(p).contains("event 2 was altered"));
    }

    @Test
    void detectsADeletedEventInTheHashChain() {
        Task task = tasks.create(aTask().build(), "alice");
        tasks.addNote(task.getKey(), "one", "bob");
        tasks.addNote(task.getKey(), "two", "bob");

        mongo.getCollection(HistoryEvent.COLLECTION).deleteOne(Filters.eq("_id", task.getId() + ":2"));

        assertThat(tasks.verify(task.getKey()).problems()).anySatisfy(p -> assertThat(p).contains("event 2 is missing"));
    }

    @Test
    void sixteenThreadsChangingOneTaskLoseNothing() throws Exception {
        Task task = tasks.create(aTask().build(), "alice");
        int threads = 16;
        int perThread = 10;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            futures.add(pool.submit(() -> {
                for (int i = 0; i < perThread; i++) {
                    if (i % 2 == 0) {
                        tasks.addNote(task.getKey(), "note " + thread + "/" + i, "t" + thread);
                    } else {
                        tasks.appendOutput(task.getKey(), OutputDraft.text(OutputType.LOG, "line " + thread + "/" + i), "t" + thread);
                    }
                }
                return null;
            }));
        }
        for (Future<?> future : futures) {
            future.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();

        List<HistoryEvent> history = tasks.history(task.getKey());
        assertThat(history).hasSize(1 + threads * perThread);
        assertThat(new HashSet<>(history.stream().map(HistoryEvent::seq).toList())).hasSize(history.size());
        assertThat(tasks.outputs(task.getKey())).hasSize(threads * perThread / 2);
        assertThat(tasks.verify(task.getKey()).intact()).isTrue();
        assertThat(tasks.get(task.getKey()).getVersion()).isEqualTo(history.size());
    }

    @Test
    void creationsRacingFromManyThreadsEachGetAKeyOfTheirOwnAndAnIntactChain() throws Exception {
        int threads = 8;
        int perThread = 25;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<List<Task>>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            futures.add(pool.submit(() -> {
                List<Task> mine = new ArrayList<>();
                for (int i = 0; i < perThread; i++) {
                    mine.add(tasks.create(aTask().titled("race " + thread + "/" + i).build(), "t" + thread));
                }
                return mine;
            }));
        }
        List<Task> created = new ArrayList<>();
        for (Future<List<Task>> future : futures) {
            created.addAll(future.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();

        assertThat(created.stream().map(Task::getKey).distinct()).hasSize(threads * perThread);
        for (Task task : created) {
            Task stored = tasks.get(task.getKey());
            assertThat(stored.getTitle()).isEqualTo(task.getTitle());
            assertThat(stored.getHistoryHash()).isEqualTo(task.getHistoryHash()).isNotEmpty();
            assertThat(tasks.verify(task.getKey()).intact()).isTrue();
        }
    }

    @Test
    void transitionsRacingFromManyThreadsAreEachValidatedOnFreshState() throws Exception {
        Task task = tasks.create(aTask().build(), "alice");
        tasks.transition(task.getKey(), TaskState.QUEUED, "x", null);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Boolean>> attempts = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            attempts.add(pool.submit(() -> {
                try {
                    tasks.transition(task.getKey(), TaskState.RUNNING, "agent", null);
                    return true;
                } catch (IllegalTransitionException e) {
                    return false;
                }
            }));
        }
        long winners = 0;
        for (Future<Boolean> attempt : attempts) {
            winners += attempt.get(30, TimeUnit.SECONDS) ? 1 : 0;
        }
        pool.shutdown();

        assertThat(winners).isEqualTo(1);
        assertThat(tasks.history(task.getKey())).extracting(HistoryEvent::toState)
                .containsExactly(TaskState.PENDING, TaskState.QUEUED, TaskState.RUNNING);
    }

    @Test
    void storesEveryDocumentWithItsSchemaVersion() {
        Task task = tasks.create(aTask().build(), "alice");
        tasks.appendOutput(task.getKey(), OutputDraft.text(OutputType.STDOUT, "x"), "a");

        Document raw = mongo.getCollection(Task.COLLECTION).find(Filters.eq("_id", task.getId())).first();
        assertThat(raw.get("schemaVersion")).isEqualTo(Task.SCHEMA_VERSION);
        assertThat(raw).doesNotContainKey("_class");
        assertThat(mongo.getCollection(HistoryEvent.COLLECTION).find(Filters.eq("_id", task.getId() + ":1")).first()
                .get("schemaVersion")).isEqualTo(HistoryEvent.SCHEMA_VERSION);
        assertThat(mongo.getCollection(TaskOutput.COLLECTION).find(Filters.eq("_id", task.getId() + ":1")).first()
                .get("schemaVersion")).isEqualTo(TaskOutput.SCHEMA_VERSION);
    }

    @Test
    void redactsSecretsBeforeAnythingIsStored() throws IOException {
        String token = "ghp_" + "A1b2C3d4E5".repeat(4);
        String key = "sk-" + "Zy9".repeat(15);
        Task task = tasks.create(aTask().withMetadata("token", token).build(), "alice");
        tasks.addNote(task.getKey(), "temporary key " + key + " rotated later", "bob");
        tasks.transition(task.getKey(), TaskState.QUEUED, "bob", "go", Map.of("env", "GITHUB_TOKEN=" + token), null);
        TaskOutput output = tasks.appendOutput(task.getKey(),
                OutputDraft.text(OutputType.STDOUT, "deploying with AKIAABCDEFGHIJKLMNOP\ndone\n"), "agent");

        assertThat(task.getMetadata()).containsEntry("token", "[REDACTED:github-token]")
                .containsEntry(TaskService.REDACTED, 1);
        List<HistoryEvent> history = tasks.history(task.getKey());
        assertThat(history.get(1).reason()).isEqualTo("temporary key [REDACTED:api-key] rotated later");
        assertThat(history.get(1).details()).containsEntry(TaskService.REDACTED, 1);
        assertThat(history.get(2).details()).containsEntry("env", "GITHUB_TOKEN=[REDACTED:github-token]");
        assertThat(history.get(3).details()).containsEntry(TaskService.REDACTED, 1);
        try (InputStream in = tasks.openOutput(tasks.output(task.getKey(), output.seq()))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                    .isEqualTo("deploying with [REDACTED:aws-access-key]\ndone\n");
        }
        for (String collection : List.of(Task.COLLECTION, HistoryEvent.COLLECTION, TaskOutput.COLLECTION)) {
            mongo.getCollection(collection).find().forEach(document -> assertThat(document.toJson())
                    .doesNotContain(token, key, "AKIAABCDEFGHIJKLMNOP"));
        }
        assertThat(tasks.verify(task.getKey()).intact()).isTrue();
    }

    @Test
    void redactsEveryFreeTextFieldListMapKeyAndOutputName() throws IOException {
        String token = "ghp_" + "Q7w8E9r0T1".repeat(4);
        Task task = tasks.create(aTask().titled("rotate " + token).withMetadata("sk_live_" + "m".repeat(24), "k").build(),
                "alice");
        tasks.update(task.getKey(), Map.of("repositoryUrl", "https://deploy:Hunter2Secret@git.example.com/x.git",
                "branch", "fix/" + token, "assignee", "bot " + token, "worktreePath", "/tmp/" + token,
                "affectedFiles", List.of("src/" + token + ".java"), "persona", "uses " + token), "bob", null);
        tasks.appendOutput(task.getKey(), new OutputDraft(OutputType.ARTIFACT,
                () -> new ByteArrayInputStream(("report\ntoken=" + token + "\n").getBytes(StandardCharsets.UTF_8)),
                "out/" + token + ".txt", "text/plain", null, "b-" + token), "agent");
        byte[] binary = {0, 1, 2, 'g', 'h', 'p', '_', 0, (byte) 0xff};
        TaskOutput image = tasks.appendOutput(task.getKey(), new OutputDraft(OutputType.ARTIFACT,
                () -> new ByteArrayInputStream(binary), "a.bin", "application/octet-stream", null, null), "agent");

        Task stored = tasks.get(task.getKey());
        assertThat(stored.getTitle()).isEqualTo("rotate [REDACTED:github-token]");
        assertThat(stored.getRepositoryUrl()).isEqualTo("https://deploy:[REDACTED:url-password]@git.example.com/x.git");
        assertThat(stored.getAffectedFiles()).containsExactly("src/[REDACTED:github-token].java");
        assertThat(stored.getMetadata()).containsKey("[REDACTED:stripe-key]");
        for (String collection : List.of(Task.COLLECTION, HistoryEvent.COLLECTION, TaskOutput.COLLECTION)) {
            mongo.getCollection(collection).find().forEach(document -> assertThat(document.toJson())
                    .doesNotContain(token, "Hunter2Secret", "sk_live_mmm"));
        }
        try (InputStream in = tasks.openOutput(image)) {
            assertThat(in.readAllBytes()).isEqualTo(binary);
        }
        assertThat(tasks.verify(task.getKey()).intact()).isTrue();
    }

    @Test
    void storesALoneSurrogateAsTheReplacementCharacterAndKeepsTheChainIntact() {
        Task task = tasks.create(aTask().titled("sur \ud800 x").withMetadata("k\udc00", "v\ud800").build(), "alice");
        tasks.addNote(task.getKey(), "note \udfff", "bob\ud800");
        tasks.transition(task.getKey(), TaskState.QUEUED, "bob", "go \ud800", Map.of("d\ud800", "\udc01"), null);

        assertThat(tasks.get(task.getKey()).getTitle()).isEqualTo("sur \ufffd x");
        assertThat(tasks.verify(task.getKey()).problems()).isEmpty();
    }

    private Task finished(TaskState end) {
        Task task = tasks.create(aTask().build(), "alice");
        tasks.transition(task.getKey(), TaskState.QUEUED, "x", null);
        tasks.transition(task.getKey(), TaskState.RUNNING, "x", null);
        return tasks.transition(task.getKey(), end, "x", "done");
    }

    private static List<String> keys(TaskPage page) {
        return page.tasks().stream().map(Task::getKey).toList();
    }
}

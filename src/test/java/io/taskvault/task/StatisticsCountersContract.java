package io.taskvault.task;

import static io.taskvault.support.TaskDrafts.aTask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import com.mongodb.client.model.Filters;

import io.taskvault.security.Role;
import io.taskvault.store.StoreSessions;

/**
 * The statistics' counters, kept by every kind of write of a task, equal a fresh count of the tasks; counters a crash
 * (or a write around the service) left off are counted again. Run on every engine.
 */
abstract class StatisticsCountersContract {

    @Autowired
    TaskService tasks;
    @Autowired
    TaskStore store;
    @Autowired
    StatisticsCounters counters;
    @Autowired
    StatisticsRecount recount;
    @Autowired
    ImportWriter importer;
    @Autowired
    RawTaskDocuments documents;
    @Autowired
    MongoTemplate mongo;

    private final List<String> crashedSessions = new ArrayList<>();
    private final List<String> writtenAroundTheService = new ArrayList<>();

    @BeforeEach
    void startFromAnExactCount() {
        //why: other tests on this store write task documents around the service (fixtures of old schema versions)
        await().atMost(Duration.ofSeconds(10)).until(recount::recount);
    }

    @AfterEach
    void cleanUp() {
        SecurityContextHolder.clearContext();
        crashedSessions.forEach(id -> mongo.getCollection(StoreSessions.COLLECTION).deleteOne(Filters.eq("_id", id)));
        if (!writtenAroundTheService.isEmpty()) {
            mongo.getCollection(Task.COLLECTION).deleteMany(Filters.in("_id", writtenAroundTheService));
            await().atMost(Duration.ofSeconds(10)).until(recount::recount);
        }
    }

    @Test
    void countersKeptByEveryKindOfWriteEqualAFreshCount() {
        Task created = tasks.create(aTask().withRole("counted").withProvider("claude").withComplexity(3).build(), "alice");
        Task finished = tasks.create(aTask().withRole("counted").withProvider("codex").withComplexity(8).build(), "alice");
        tasks.transition(finished.getKey(), TaskState.QUEUED, "bob", "go");
        tasks.transition(finished.getKey(), TaskState.RUNNING, "bob", "start");
        tasks.transition(finished.getKey(), TaskState.COMPLETED, "bob", "done");
        Task failed = tasks.create(aTask().withRole("counted.lead").withProvider("$odd").build(), "alice");
        tasks.transition(failed.getKey(), TaskState.QUEUED, "bob", "go");
        tasks.transition(failed.getKey(), TaskState.RUNNING, "bob", "start");
        tasks.transition(failed.getKey(), TaskState.FAILED, "bob", "broke");
        tasks.update(created.getKey(), Map.of("role", "re-roled", "complexityScore", 9), "carol", null);
        tasks.addNote(created.getKey(), "no counted fact moves", "carol");
        Task imported = importer.write(anImportedTask(), List.of(), "importer");
        assertThat(imported.getState()).isEqualTo(TaskState.COMPLETED);
        Task moved = tasks.create(aTask().withRole("archived-and-back").build(), "alice");
        RawTaskDocuments.Raw raw = documents.read(moved.getId()).orElseThrow();
        documents.remove(raw);
        Task doomed = tasks.create(aTask().withRole("deleted").build(), "alice");
        asAdmin();
        tasks.delete(doomed.getKey(), "admin", "counted and gone");

        assertThat(kept()).isEqualTo(freshCount());
        assertThat(tasks.statistics().byRole()).containsEntry("re-roled", 1L).containsEntry("counted.lead", 1L)
                .doesNotContainKeys("deleted", "archived-and-back");
        assertThat(tasks.statistics().byProvider()).containsEntry("$odd", 1L);

        documents.restore(raw);
        tasks.transition(moved.getKey(), TaskState.QUEUED, "bob", "back and going");

        assertThat(kept()).isEqualTo(freshCount());
        assertThat(tasks.statistics().byRole()).containsEntry("archived-and-back", 1L);
    }

    @Test
    void aRecountWhileThisProcessWritesKeepsEveryWrite() {
        CompletableFuture<Void> writes = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < 40; i++) {
                Task task = tasks.create(aTask().withRole("busy-" + (i % 3)).withComplexity(1 + i % 10).build(), "w");
                tasks.transition(task.getKey(), TaskState.QUEUED, "w", "go");
                tasks.transition(task.getKey(), TaskState.RUNNING, "w", "start");
                tasks.transition(task.getKey(), i % 2 == 0 ? TaskState.COMPLETED : TaskState.FAILED, "w", "end");
            }
        });
        List<Boolean> recounts = new ArrayList<>();
        while (!writes.isDone()) {
            recounts.add(recount.recount());
        }
        writes.join();

        assertThat(recounts).as("no other process wrote, so every recount could place every write").containsOnly(true);
        assertThat(kept()).isEqualTo(freshCount());
    }

    @Test
    void countersACrashLeftOffAreCountedAgainAfterTheUncleanStart() {
        tasks.create(aTask().withRole("before-the-crash").build(), "alice");
        //why: as if a process died between tasks' writes and their counters' writes
        String lost = UUID.randomUUID().toString();
        writtenAroundTheService.add(lost);
        mongo.getCollection(Task.COLLECTION).insertOne(new Document("_id", lost)
                .append("key", "TV-CRASH-" + UUID.randomUUID()).append("state", "PENDING").append("role", "lost-count")
                .append("schemaVersion", Task.SCHEMA_VERSION).append("version", 1));
        mongo.getCollection(StatisticsCounters.COLLECTION).updateOne(Filters.eq("_id", StatisticsCounters.ID),
                new Document("$inc", new Document("states.PENDING", 5).append("total", 5).append("roles.ghost", 5)));
        assertThat(kept()).isNotEqualTo(freshCount());
        leaveASessionOfACrashedProcess();

        recount.onStart();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(kept()).isEqualTo(freshCount()));
        assertThat(tasks.statistics().byRole()).containsEntry("lost-count", 1L).doesNotContainKey("ghost");
        assertThat(counters.read().orElseThrow().get("recountedAt")).isInstanceOf(Date.class);
    }

    @Test
    void aCheckFindsCountersOffAndCountsAgain() {
        tasks.create(aTask().withRole("checked").build(), "alice");
        mongo.getCollection(StatisticsCounters.COLLECTION).updateOne(Filters.eq("_id", StatisticsCounters.ID),
                new Document("$inc", new Document("states.BLOCKED", 2).append("total", 2)));
        Instant before = Instant.now();

        recount.check();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(kept()).isEqualTo(freshCount()));
        assertThat(recount.lastRecount()).isAfterOrEqualTo(before.minusMillis(1));
    }

    private Document kept() {
        return StatisticsCalculator.of(counters.read().orElseGet(Document::new)).toDocument();
    }

    private Document freshCount() {
        StatisticsCalculator fresh = new StatisticsCalculator();
        store.stream(CountedFacts.projection()).map(CountedFacts::of).forEach(fresh::add);
        return fresh.toDocument();
    }

    private static Task anImportedTask() {
        Task task = aTask().withRole("imported").withProvider("jira").withComplexity(5).build().toTask();
        Instant created = Instant.parse("2026-11-01T08:00:00Z");
        task.setExternalId("stats-" + UUID.randomUUID());
        task.setState(TaskState.COMPLETED);
        task.setCreatedAt(created);
        task.setUpdatedAt(created.plusSeconds(600));
        task.setStartedAt(created.plusSeconds(60));
        task.setCompletedAt(created.plusSeconds(600));
        return task;
    }

    private void leaveASessionOfACrashedProcess() {
        String id = "crashed-" + UUID.randomUUID();
        crashedSessions.add(id);
        Date longAgo = Date.from(Instant.now().minus(Duration.ofHours(1)));
        mongo.getCollection(StoreSessions.COLLECTION).insertOne(new Document("_id", id).append("startedAt", longAgo)
                .append("seenAt", longAgo).append("process", "a process that was killed").append("schemaVersion", 1));
    }

    private static void asAdmin() {
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated("admin", null, Role.ADMIN.authorities()));
    }
}

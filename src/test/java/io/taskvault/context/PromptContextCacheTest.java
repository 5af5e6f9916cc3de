package io.taskvault.context;

import static io.taskvault.support.TaskDrafts.aTask;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

import io.taskvault.recovery.MovableClock;
import io.taskvault.recovery.OpsTest;
import io.taskvault.store.StoreChanges;
import io.taskvault.task.Task;
import io.taskvault.task.TaskService;
import io.taskvault.task.TaskState;

/**
 * A task's prompt context and health are served from the cache until the store reports a write, from this process or
 * from another one on the same store. The clock (and with it the caches' one-second expiry) stands still here, so
 * only the change feed can make a read fresh.
 */
@OpsTest
class PromptContextCacheTest {

    @Autowired
    TaskService tasks;
    @Autowired
    PromptContextService prompts;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    StoreChanges changes;
    @Autowired
    MovableClock clock;
    @Autowired
    org.springframework.cache.CacheManager caches;

    @Test
    void aRepeatedReadIsServedFromTheCacheWithoutAssemblingAgain() {
        Task task = tasks.create(aTask().describedAs("first description").build(), "test");

        String first = prompts.export(task.getKey(), 24_000, "markdown");
        ContextHealth health = prompts.health(task.getKey());

        assertThat(prompts.export(task.getKey(), 24_000, "markdown")).as("the cached answer, not a new one").isSameAs(first);
        assertThat(prompts.health(task.getKey())).isSameAs(health);
        assertThat(prompts.export(task.getKey(), 24_000, "json")).as("the format is part of the key").startsWith("{");
        assertThat(prompts.export(task.getKey(), 2_000, "markdown")).isNotSameAs(first);
    }

    @Test
    void hitsAndMissesAreRecordedForTheCacheMetrics() {
        Task task = tasks.create(aTask().build(), "test");
        var nativeCache = (com.github.benmanes.caffeine.cache.Cache<?, ?>) caches.getCache("prompt-context").getNativeCache();
        long hits = nativeCache.stats().hitCount();
        long misses = nativeCache.stats().missCount();

        prompts.export(task.getKey(), 24_000, "markdown");
        prompts.export(task.getKey(), 24_000, "markdown");

        assertThat(nativeCache.stats().missCount()).isEqualTo(misses + 1);
        assertThat(nativeCache.stats().hitCount()).isEqualTo(hits + 1);
    }

    @Test
    void anAnswerIsKeptNoLongerThanASecondEvenWithoutAWrite() {
        Task task = tasks.create(aTask().build(), "test");
        String first = prompts.export(task.getKey(), 24_000, "markdown");
        clock.advance(Duration.ofMillis(999));
        assertThat(prompts.export(task.getKey(), 24_000, "markdown")).isSameAs(first);

        clock.advance(Duration.ofMillis(2));

        assertThat(prompts.export(task.getKey(), 24_000, "markdown")).isNotSameAs(first).contains(task.getKey());
    }

    @Test
    void aWriteThroughTheServiceMakesTheNextReadFresh() {
        Task task = tasks.create(aTask().build(), "test");
        String before = prompts.export(task.getKey(), 24_000, "markdown");
        assertThat(before).contains("- State: PENDING");

        tasks.transition(task.getKey(), TaskState.QUEUED, "test", "ready");

        assertThat(prompts.export(task.getKey(), 24_000, "markdown")).contains("- State: QUEUED");
    }

    @Test
    void aWriteByAnotherProcessReportedByTheChangeFeedMakesTheNextReadFresh() {
        Task task = tasks.create(aTask().describedAs("the description as created").build(), "test");
        assertThat(prompts.export(task.getKey(), 24_000, "markdown")).contains("the description as created");
        Document stored = mongo.getCollection(Task.COLLECTION).find(Filters.eq("_id", task.getId())).first();
        long seen = changes.version(Task.COLLECTION);
        try {
            //why: straight through the driver, as another process would write: only the store's feed reports it
            mongo.getCollection(Task.COLLECTION).updateOne(Filters.eq("_id", task.getId()),
                    Updates.set("description", "rewritten elsewhere"));
            assertThat(changes.version(Task.COLLECTION)).isGreaterThan(seen);

            assertThat(prompts.export(task.getKey(), 24_000, "markdown")).contains("rewritten elsewhere")
                    .doesNotContain("the description as created");
        } finally {
            mongo.getCollection(Task.COLLECTION).replaceOne(Filters.eq("_id", task.getId()), stored);
        }
    }
}

package io.taskvault.archive;

import static io.taskvault.support.TaskDrafts.aTask;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

import io.micrometer.core.instrument.MeterRegistry;
import io.taskvault.TaskvaultApplication;
import io.taskvault.recovery.MovableClock;
import io.taskvault.recovery.OpsTest;
import io.taskvault.store.StoreInfo;
import io.taskvault.task.Task;
import io.taskvault.task.TaskService;
import io.taskvault.task.TaskState;

@OpsTest
class ArchivalAcrossInstancesTest {

    @Autowired
    ArchivalJob job;
    @Autowired
    TaskService tasks;
    @Autowired
    StoreInfo store;
    @Autowired
    MovableClock clock;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    MeterRegistry registry;

    @AfterEach
    void releaseTheLocksForOtherTests() {
        mongo.getCollection("shedLock").deleteMany(new Document());
    }

    @Test
    void twoInstancesOnOneStoreRunTheScheduledArchivalOnce() throws Exception {
        Task task = tasks.create(aTask().build(), "test");
        tasks.transition(task.getId(), TaskState.CANCELLED, "test", "not needed");
        clock.advance(Duration.ofDays(91));
        String uri = store.embeddedServer().orElseThrow().connectionString();
        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(TaskvaultApplication.class)
                .web(WebApplicationType.NONE)
                //why: whichever instance wins the lock must judge the retention on the same (moved) time
                .initializers(ctx -> ctx.getBeanFactory().registerSingleton("sharedClock", clock))
                .properties("spring.mongodb.uri=" + uri, "spring.shell.interactive.enabled=false",
                        "taskvault.scheduling.enabled=false")
                .run()) {
            ArchivalJob other = second.getBean(ArchivalJob.class);
            MeterRegistry otherRegistry = second.getBean(MeterRegistry.class);
            long runsHereBefore = runs(registry);
            CyclicBarrier together = new CyclicBarrier(2);
            CompletableFuture<Void> here = CompletableFuture.runAsync(() -> fire(together, job));
            CompletableFuture<Void> there = CompletableFuture.runAsync(() -> fire(together, other));
            CompletableFuture.allOf(here, there).join();

            //why: each instance times only the runs it executed; the stored last report is shared by both
            boolean ranHere = runs(registry) > runsHereBefore;
            boolean ranThere = runs(otherRegistry) > 0;
            assertThat(List.of(ranHere, ranThere)).containsExactlyInAnyOrder(true, false);
            ArchivalReport report = job.lastReport().orElseThrow();
            assertThat(report.succeeded()).isTrue();
            assertThat(report.archived()).contains(task.getKey());
            assertThat(other.lastReport().orElseThrow().archived()).isEqualTo(report.archived());
        }
    }

    private static long runs(MeterRegistry registry) {
        return registry.find("taskvault.archival").timers().stream().mapToLong(t -> t.count()).sum();
    }

    private static void fire(CyclicBarrier together, ArchivalJob job) {
        try {
            together.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        job.scheduled();
    }
}

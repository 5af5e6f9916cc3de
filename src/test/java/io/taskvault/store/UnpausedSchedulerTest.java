package io.taskvault.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * The store's checkpointer keeps running in a paused application context (Spring's test context cache pauses every
 * context it is not using), so a checkpoint that falls due there runs instead of parking a thread that the context's
 * close would then wait for.
 */
class UnpausedSchedulerTest {

    @Test
    void aTaskFallingDueWhileTheContextIsPausedRunsAndTheCloseWaitsForNothing() throws InterruptedException {
        CountDownLatch ran = new CountDownLatch(1);
        ThreadPoolTaskScheduler checkpointer;
        try (GenericApplicationContext context = new GenericApplicationContext()) {
            context.registerBean("storeCheckpointer", ThreadPoolTaskScheduler.class, EmbeddedMongoServer::checkpointScheduler);
            context.refresh();
            context.pause();
            checkpointer = context.getBean(ThreadPoolTaskScheduler.class);
            checkpointer.schedule(ran::countDown, Instant.now());

            assertThat(ran.await(30, TimeUnit.SECONDS)).as("the checkpoint ran in the paused context").isTrue();
        }
        assertThat(checkpointer.getScheduledExecutor().isTerminated()).as("terminated when the close returned").isTrue();
    }
}

package io.taskvault.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.support.DefaultLifecycleProcessor;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/** The archival threads are a Spring bean: closing the context waits for the moves under way and takes no new one. */
class ArchivalExecutorTest {

    private static final ArchivalProperties PROPERTIES = new ArchivalProperties("0 30 3 * * *", Duration.ofDays(90),
            100, 3, true);

    @Test
    void closingTheContextWaitsForTheMovesUnderWayAndRefusesNewOnes() throws Exception {
        AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
        context.registerBean(ArchivalProperties.class, () -> PROPERTIES);
        //why: a phase timeout far above the test's own waits, so only the move under way can hold the close
        context.registerBean("lifecycleProcessor", DefaultLifecycleProcessor.class, () -> {
            DefaultLifecycleProcessor lifecycle = new DefaultLifecycleProcessor();
            lifecycle.setTimeoutPerShutdownPhase(60_000);
            return lifecycle;
        });
        context.register(ArchivalExecutor.class);
        context.refresh();
        ThreadPoolTaskExecutor movers = context.getBean(ArchivalExecutor.NAME, ThreadPoolTaskExecutor.class);
        assertThat(movers.getMaxPoolSize()).isEqualTo(3);
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<String> move = movers.submit(() -> {
            started.countDown();
            release.await();
            return "moved";
        });
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

        Thread closer = new Thread(context::close, "closer");
        closer.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> movers.getThreadPoolExecutor().isShutdown());

        assertThatThrownBy(() -> movers.submit(() -> "late")).isInstanceOf(TaskRejectedException.class);
        assertThat(closer.isAlive()).as("the close waits for the move under way").isTrue();
        release.countDown();
        closer.join(Duration.ofSeconds(10).toMillis());
        assertThat(closer.isAlive()).isFalse();
        assertThat(move.get()).as("the move finished, not interrupted").isEqualTo("moved");
        //why: the close returns once the move's future is done; its worker thread ends a moment later
        await().atMost(Duration.ofSeconds(10)).until(() -> movers.getThreadPoolExecutor().isTerminated());
    }
}

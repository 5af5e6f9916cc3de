package io.taskvault.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import io.taskvault.task.Task;

class BatchArchiverTest {

    private static final Instant CUTOFF = Instant.parse("2026-01-01T00:00:00Z");

    private final ThreadPoolTaskExecutor pool = new ArchivalExecutor()
            .archivalTaskExecutor(new ArchivalProperties("0 30 3 * * *", Duration.ofDays(90), 100, 4, true));

    BatchArchiverTest() {
        pool.initialize();
    }

    @AfterEach
    void stopPool() {
        pool.shutdown();
    }

    private static List<Task> tasks(int n) {
        return IntStream.range(0, n).mapToObj(i -> {
            Task task = new Task();
            task.setKey("TV-" + i);
            return task;
        }).toList();
    }

    private static Optional<ArchivalJob.Moved> moved(Task task) {
        return Optional.of(new ArchivalJob.Moved(task.getKey(), new Archive.Moved(100, 10)));
    }

    @Test
    void movesTasksAtOnceOnTheArchivalThreadsAndReportsThemInTheBatchsOrder() throws Exception {
        List<Task> batch = tasks(4);
        CountDownLatch allStarted = new CountDownLatch(4);
        Set<String> threads = ConcurrentHashMap.newKeySet();
        List<String> reported = new ArrayList<>();
        BatchArchiver archiver = new BatchArchiver((task, cutoff) -> {
            threads.add(Thread.currentThread().getName());
            allStarted.countDown();
            try {
                //why: no move may finish before all four have started: they run at once or this times out
                assertThat(allStarted.await(10, TimeUnit.SECONDS)).isTrue();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return task.getKey().equals("TV-2") ? Optional.empty() : moved(task);
        }, pool);
        archiver.archive(batch, CUTOFF, m -> reported.add(m.key()));

        assertThat(reported).as("a task left alone is not reported").containsExactly("TV-0", "TV-1", "TV-3");
        assertThat(threads).hasSize(4).allMatch(name -> name.startsWith("taskvault-archival-"));
    }

    @Test
    void aFailedMoveLetsTheOthersFinishAndIsThrownAfterThem() {
        List<String> reported = new ArrayList<>();
        BatchArchiver archiver = new BatchArchiver((task, cutoff) -> {
            if (task.getKey().equals("TV-1")) {
                throw new IllegalStateException("disk full");
            }
            return moved(task);
        }, pool);
        assertThatThrownBy(() -> archiver.archive(tasks(4), CUTOFF, m -> reported.add(m.key())))
                .isInstanceOf(IllegalStateException.class).hasMessage("disk full");

        assertThat(reported).containsExactly("TV-0", "TV-2", "TV-3");
    }
}

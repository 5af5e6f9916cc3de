package io.taskvault.bench;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.taskvault.TaskvaultApplication;
import io.taskvault.recovery.LeaseRecovery;
import io.taskvault.recovery.MovableClock;
import io.taskvault.recovery.OpsTest;
import io.taskvault.recovery.RecoveryReport;
import io.taskvault.support.TaskDrafts;
import io.taskvault.task.Task;
import io.taskvault.task.TaskService;
import io.taskvault.task.TaskState;

/**
 * How long lease recovery takes over many stored tasks of which some are RUNNING: in the filling process a pass
 * with nothing expired; after clean restarts on the same data file, the start-up pass (cold) with nothing expired
 * (a one-day lease) and with every lease expired (the default ten minutes, the clock moved on). Arguments: tasks
 * (100000), running (1000), and optionally the data file of an earlier run to restart on (skips the filling).
 */
public final class RecoveryAtScale {

    public static void main(String[] args) throws Exception {
        int total = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int running = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        String path = args.length > 2 ? args[2] : "target/bench-stores/recovery-" + System.nanoTime() + "/taskvault.mv";
        if (args.length <= 2) {
            fill(path, total, running);
        }
        restarts(path);
    }

    private static void fill(String path, int total, int running) throws Exception {
        try (ConfigurableApplicationContext app = start(path, "taskvault.recovery.lease=1d")) {
            TaskService tasks = app.getBean(TaskService.class);
            long start = System.nanoTime();
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<?>> work = IntStream.range(0, total).<Future<?>>mapToObj(i -> pool.submit(() -> {
                Task task = tasks.create(TaskDrafts.aTask().build(), "bench");
                if (i % (total / running) == 0) {
                    tasks.transition(task.getId(), TaskState.QUEUED, "bench", "queued");
                    tasks.transition(task.getId(), TaskState.RUNNING, "bench", "started");
                }
            })).toList();
            for (Future<?> f : work) {
                f.get();
            }
            pool.shutdown();
            System.out.printf("stored %d tasks (%d running) in %d s%n", total, running, (System.nanoTime() - start) / 1_000_000_000);
            RecoveryReport idle = app.getBean(LeaseRecovery.class).recover();
            System.out.printf("warm pass with nothing expired: %s%n", idle.summary());
        }
    }

    private static void restarts(String path) {
        for (int i = 1; i <= 2; i++) {
            try (ConfigurableApplicationContext app = start(path, "taskvault.recovery.lease=1d")) {
                System.out.printf("start-up pass %d after a restart (cold, nothing expired): %s%n", i,
                        app.getBean(LeaseRecovery.class).startupReport().map(RecoveryReport::summary).orElse("none"));
            }
        }
        try (ConfigurableApplicationContext app = start(path, "taskvault.recovery.lease=10m")) {
            LeaseRecovery recovery = app.getBean(LeaseRecovery.class);
            System.out.printf("start-up pass after a clean restart (cold, every lease expired): %s%n",
                    recovery.startupReport().map(RecoveryReport::summary).orElse("none"));
            app.getBean(MovableClock.class).advance(Duration.ofMinutes(11));
            RecoveryReport expired = recovery.recover();
            System.out.printf("pass interrupting every running task: %s%n", expired.summary());
            RecoveryReport again = recovery.recover();
            System.out.printf("pass right after (nothing left): %s%n", again.summary());
        }
    }

    private static ConfigurableApplicationContext start(String path, String lease) {
        return new SpringApplicationBuilder(TaskvaultApplication.class, OpsTest.Clocks.class)
                .web(WebApplicationType.NONE)
                .properties("spring.shell.interactive.enabled=false", "taskvault.scheduling.enabled=false",
                        "taskvault.store.path=" + path, lease)
                .run();
    }
}

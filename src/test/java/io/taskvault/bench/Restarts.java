package io.taskvault.bench;

import java.lang.reflect.Method;
import java.nio.file.Path;

import org.springframework.context.ConfigurableApplicationContext;

import io.taskvault.store.EmbeddedMongoServer;
import io.taskvault.store.StoreInfo;
import io.taskvault.task.CrashRepair;
import io.taskvault.task.TaskService;

/**
 * Start-up on existing data: after a simulated crash (the store dropped without a checkpoint, as SIGKILL leaves it:
 * the log is replayed and the repair scan runs) and after a clean shutdown.
 */
final class Restarts {

    private Restarts() {
    }

    /** Drops the store as a killed process would (EmbeddedMongoServer.haltAbruptly, package-private: test hook). */
    static void crash(ConfigurableApplicationContext app) throws Exception {
        //why: a killed process runs nothing more; left running, the dropped store failed the scheduled passes
        app.getBeansOfType(org.springframework.scheduling.concurrent.ExecutorConfigurationSupport.class).values()
                .forEach(org.springframework.scheduling.concurrent.ExecutorConfigurationSupport::shutdown);
        EmbeddedMongoServer server = app.getBean(StoreInfo.class).embeddedServer().orElseThrow();
        Method halt = EmbeddedMongoServer.class.getDeclaredMethod("haltAbruptly");
        halt.setAccessible(true);
        halt.invoke(server);
    }

    static void measure(Path data, SuiteResults results, int size) {
        long start = System.nanoTime();
        try (ConfigurableApplicationContext app = PerformanceSuite.start(data)) {
            double ready = PerformanceSuite.seconds(start);
            EmbeddedMongoServer server = app.getBean(StoreInfo.class).embeddedServer().orElseThrow();
            CrashRepair.Result repair = app.getBean(CrashRepair.class).lastResult();
            results.put("start-up after crash: s to ready (replayed, repair check)", String.format(
                    "%.1f (%,d writes; %,d tasks checked in %,d ms)", ready, server.replayedWrites(), repair.checked(),
                    repair.took().toMillis()), "<= 5 s");
            firstList(app, results, "first list page after crash restart");
        }
        start = System.nanoTime();
        try (ConfigurableApplicationContext app = PerformanceSuite.start(data)) {
            results.put("start-up after clean shutdown: s to ready", String.format("%.1f", PerformanceSuite.seconds(start)));
            firstList(app, results, "first list page after clean restart");
        }
    }

    private static void firstList(ConfigurableApplicationContext app, SuiteResults results, String label) {
        long start = System.nanoTime();
        long total = app.getBean(TaskService.class).list(ServiceProbes.FILTERED).total();
        results.put(label + ", ms", String.format("%.0f (%,d hits)", PerformanceSuite.seconds(start) * 1000, total));
    }
}

package io.taskvault.bench;

import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

import io.taskvault.exchange.TaskvaultExport;
import io.taskvault.store.StoreInfo;
import io.taskvault.task.TaskService;

/** Loads {@code size} tasks, then exports them: for looking at the export's memory with a small heap. */
public final class ExportProbe {

    private ExportProbe() {
    }

    public static void main(String[] args) throws Exception {
        int size = Integer.parseInt(args.length > 0 ? args[0] : "50000");
        Path folder = Files.createTempDirectory(Path.of("target"), "bench-export-");
        try (ConfigurableApplicationContext app = PerformanceSuite.start(folder.resolve("taskvault.mv"))) {
            BulkLoader loader = new BulkLoader(app.getBean(TaskService.class), app.getBean(MongoTemplate.class).getDb());
            loader.load(size, "bulk load");
            app.getBean(StoreInfo.class).embeddedServer().orElseThrow().committer().checkpoint();
            System.err.println("EXPORT START");
            CountingSink sink = new CountingSink();
            long start = System.nanoTime();
            long documents = app.getBean(TaskvaultExport.class).export(sink);
            System.err.printf("EXPORT DONE %,d documents, %,d MB in %.1f s%n", documents, sink.bytes() >> 20,
                    PerformanceSuite.seconds(start));
        }
    }
}

package io.taskvault.bench;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

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
            AtomicLong bytes = new AtomicLong();
            long start = System.nanoTime();
            long documents = app.getBean(TaskvaultExport.class).export(new OutputStream() {
                @Override
                public void write(int b) {
                    bytes.incrementAndGet();
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    bytes.addAndGet(len);
                }
            });
            System.err.printf("EXPORT DONE %,d documents, %,d MB in %.1f s%n", documents, bytes.get() >> 20,
                    PerformanceSuite.seconds(start));
        }
    }
}

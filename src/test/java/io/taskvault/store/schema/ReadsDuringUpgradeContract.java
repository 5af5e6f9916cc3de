package io.taskvault.store.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import io.taskvault.task.Task;
import io.taskvault.task.TaskQuery;
import io.taskvault.task.TaskService;

abstract class ReadsDuringUpgradeContract {

    private static final int TASKS = 400;

    @Autowired
    TaskService service;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    BatchUpgrade batch;

    private List<Task> everyTask() {
        List<Task> all = new ArrayList<>();
        TaskQuery query = TaskQuery.all().withLimit(TaskQuery.MAX_LIMIT, 0);
        io.taskvault.task.TaskPage page;
        do {
            page = service.list(query);
            all.addAll(page.tasks());
            query = query.withCursor(page.nextCursor());
        } while (page.nextCursor() != null);
        return all;
    }

    @Test
    void everyReadSeesEveryTaskInTodaysShapeWhileTheBatchUpgradeRuns() {
        Fixtures.wipe(mongo);
        Fixtures.allowKeylessTasks(mongo);
        List<Document> v1 = new ArrayList<>();
        for (int i = 0; i < TASKS; i++) {
            v1.add(new Document("_id", "TASK-100-" + i).append("id", "TASK-100-" + i).append("content", "Legacy task " + i)
                    .append("status", "pending").append("priority", "low")
                    .append("metadata", new Document("created_at", "2024-01-01T00:00:00Z")));
        }
        mongo.getCollection("tasks").insertMany(v1);

        CompletableFuture<UpgradeReport> upgrade = CompletableFuture.supplyAsync(batch::run);
        int reads = 0;
        do {
            //why: filters and sorts on fields v1 lacked (state, createdAt) see a v1 task only once it is rewritten;
            // what the read hook guarantees is that whatever a read returns is whole and in today's shape
            io.taskvault.task.TaskPage page = service.list(TaskQuery.all().withLimit(100, 0));
            assertThat(page.total()).isEqualTo(TASKS);
            assertThat(page.tasks()).hasSize(100)
                    .allSatisfy(t -> assertThat(t.getTitle()).startsWith("Legacy task "));
            assertThat(service.get("TASK-100-" + (reads * 37 % TASKS)).getTitle()).startsWith("Legacy task");
            reads++;
        } while (!upgrade.isDone());

        assertThat(upgrade.join().rewritten()).isEqualTo(TASKS);
        assertThat(reads).as("reads made while the upgrade ran").isPositive();
        assertThat(everyTask()).hasSize(TASKS)
                .allSatisfy(t -> assertThat(t.getKey()).startsWith("TV-"));
    }
}

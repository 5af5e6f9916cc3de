package io.taskvault.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;

/** On a store an earlier release wrote, start-up drops the indexes wider ones replaced, for good, and keeps the tasks. */
class IndexSetupTest {

    private static final String DATABASE = "taskvault";

    @TempDir
    Path folder;

    @Test
    void dropsTheReplacedRoleAndProviderIndexesOnAnOlderStoreAndTheDropOutlivesARestart() {
        Path data = folder.resolve("older.mv");
        try (EmbeddedMongoServer server = new EmbeddedMongoServer(EmbeddedStoreCrashTest.properties(data), (c, ids) -> { });
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> tasks = client.getDatabase(DATABASE).getCollection("tasks");
            tasks.createIndex(Indexes.ascending("role", "state"), new IndexOptions().name("role_state"));
            tasks.createIndex(Indexes.ascending("provider", "state"), new IndexOptions().name("provider_state"));
            tasks.insertOne(new Document("_id", "t1").append("key", "TV-1").append("role", "backend")
                    .append("provider", "claude").append("state", "PENDING").append("updatedAt", new Date()));

            new IndexSetup(new MongoTemplate(client, DATABASE), EngineCapabilities.EMBEDDED);

            assertThat(indexNames(tasks)).doesNotContain("role_state", "provider_state")
                    .contains("role_state_updatedAt", "provider_state_updatedAt");
        }
        try (EmbeddedMongoServer server = new EmbeddedMongoServer(EmbeddedStoreCrashTest.properties(data), (c, ids) -> { });
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> tasks = client.getDatabase(DATABASE).getCollection("tasks");

            assertThat(indexNames(tasks)).doesNotContain("role_state", "provider_state")
                    .contains("role_state_updatedAt", "provider_state_updatedAt");
            assertThat(tasks.find(Filters.and(Filters.eq("role", "backend"), Filters.eq("state", "PENDING")))
                    .into(new ArrayList<>())).extracting(task -> task.getString("key")).containsExactly("TV-1");
        }
    }

    private static List<String> indexNames(MongoCollection<Document> collection) {
        return collection.listIndexes().map(index -> index.getString("name")).into(new ArrayList<>());
    }
}

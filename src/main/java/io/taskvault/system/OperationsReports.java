package io.taskvault.system;

import java.util.Date;
import java.util.Optional;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The last report of each operation (recovery, archival, backup, integrity) in the small {@code ops_reports}
 * collection, so the dashboard, shell and health still show the last run after a restart.
 */
@Component
public class OperationsReports {

    public static final String COLLECTION = "ops_reports";
    static final int SCHEMA_VERSION = 1;
    private static final Logger log = LoggerFactory.getLogger(OperationsReports.class);

    private final MongoTemplate mongo;
    private final JsonMapper json;

    OperationsReports(MongoTemplate mongo, JsonMapper json) {
        this.mongo = mongo;
        this.json = json;
    }

    /** Keeps {@code report} as the last one of its kind; a failure to store it is logged, never thrown. */
    public void save(String kind, Object report) {
        try {
            Document stored = new Document("_id", kind).append("schemaVersion", SCHEMA_VERSION)
                    .append("savedAt", new Date()).append("type", report.getClass().getName())
                    .append("report", Document.parse(json.writeValueAsString(report)));
            mongo.getCollection(COLLECTION).replaceOne(Filters.eq("_id", kind), stored, new ReplaceOptions().upsert(true));
        } catch (RuntimeException e) {
            //why: the operation itself succeeded; losing its report must not turn it into a failure
            log.warn("Could not store the {} report: {}", kind, e.getMessage());
        }
    }

    /** The last stored report of that kind; empty when none, or when it was stored in a shape this version cannot read. */
    public <T> Optional<T> load(String kind, Class<T> type) {
        try {
            Document stored = mongo.getCollection(COLLECTION).find(Filters.eq("_id", kind)).first();
            if (stored == null || stored.getInteger("schemaVersion", 0) != SCHEMA_VERSION) {
                return Optional.empty();
            }
            return Optional.of(json.readValue(stored.get("report", Document.class).toJson(), type));
        } catch (JacksonException | IllegalStateException e) {
            log.warn("Ignoring the stored {} report: {}", kind, e.getMessage());
            return Optional.empty();
        }
    }
}

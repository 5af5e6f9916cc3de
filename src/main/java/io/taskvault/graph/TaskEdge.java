package io.taskvault.graph;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** One typed link between two tasks (by id), in collection {@code task_edges}, keyed {@code from|type|to}. */
@Document(TaskEdge.COLLECTION)
public record TaskEdge(@Id String id, String from, EdgeType type, String to, Instant createdAt, String createdBy,
                       int schemaVersion) {

    public static final String COLLECTION = "task_edges";
    public static final int SCHEMA_VERSION = 1;

    public static String idOf(String from, EdgeType type, String to) {
        return from + "|" + type.label() + "|" + to;
    }

    public static TaskEdge of(String from, EdgeType type, String to, Instant at, String actor) {
        return new TaskEdge(idOf(from, type, to), from, type, to, at, actor, SCHEMA_VERSION);
    }
}

package io.taskvault.system.shell;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/** Records who used the shell, when, and every command they ran in it (collection {@value #COLLECTION}). */
@Service
public class ShellSessions {

    public static final String COLLECTION = "shell_sessions";
    public static final int SCHEMA_VERSION = 1;
    private final MongoTemplate mongo;
    private final Clock clock;

    ShellSessions(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** Opens a session record and returns its id. */
    public String start(String mode) {
        String id = UUID.randomUUID().toString();
        mongo.insert(new Document("_id", id).append("schemaVersion", SCHEMA_VERSION).append("mode", mode)
                .append("user", ShellActor.name()).append("host", ShellActor.host())
                .append("startedAt", Date.from(clock.instant())).append("endedAt", null)
                .append("commandCount", 0).append("commands", List.of()), COLLECTION);
        return id;
    }

    public void record(String sessionId, String text, Instant at, Duration took, int exitStatus) {
        Document command = new Document("text", text).append("at", Date.from(at))
                .append("durationMillis", took.toMillis()).append("exitStatus", exitStatus);
        mongo.updateFirst(Query.query(Criteria.where("_id").is(sessionId)),
                new Update().push("commands", command).inc("commandCount", 1), COLLECTION);
    }

    public void end(String sessionId) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(sessionId)),
                Update.update("endedAt", Date.from(clock.instant())), COLLECTION);
    }

    /** A one-command session (a script calling {@code taskvault <command>}), stored in one write. */
    public void recordSingle(String text, Instant at, Duration took, int exitStatus) {
        Document command = new Document("text", text).append("at", Date.from(at))
                .append("durationMillis", took.toMillis()).append("exitStatus", exitStatus);
        mongo.insert(new Document("_id", UUID.randomUUID().toString()).append("schemaVersion", SCHEMA_VERSION)
                .append("mode", "command").append("user", ShellActor.name()).append("host", ShellActor.host())
                .append("startedAt", Date.from(at)).append("endedAt", Date.from(at.plus(took)))
                .append("commandCount", 1).append("commands", List.of(command)), COLLECTION);
    }

    /** The most recent sessions, newest first. */
    public List<ShellSession> recent(int limit) {
        Query query = new Query().with(Sort.by(Sort.Direction.DESC, "startedAt")).limit(limit);
        return mongo.find(query, Document.class, COLLECTION).stream().map(ShellSessions::toSession).toList();
    }

    /** The session whose id starts with the prefix, if exactly one does. */
    public Optional<ShellSession> find(String idPrefix) {
        if (!idPrefix.matches("[0-9a-fA-F-]{1,36}")) {
            throw new ShellUsageException("'" + idPrefix + "' is not a session id; 'sessions' lists them");
        }
        List<Document> found = mongo.find(Query.query(Criteria.where("_id").regex("^" + idPrefix.toLowerCase()))
                .limit(2), Document.class, COLLECTION);
        if (found.size() > 1) {
            throw new ShellUsageException("session '" + idPrefix + "' is ambiguous; type more of its id");
        }
        return found.stream().findFirst().map(ShellSessions::toSession);
    }

    private static ShellSession toSession(Document d) {
        List<ShellSession.RecordedCommand> commands = d.getList("commands", Document.class, List.of()).stream()
                .map(c -> new ShellSession.RecordedCommand(c.getString("text"), instant(c.getDate("at")),
                        ((Number) c.get("durationMillis")).longValue(), ((Number) c.get("exitStatus")).intValue()))
                .toList();
        return new ShellSession(d.getString("_id"), d.getString("mode"), d.getString("user"), d.getString("host"),
                instant(d.getDate("startedAt")), instant(d.getDate("endedAt")), commands,
                ((Number) d.get("schemaVersion")).intValue());
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}

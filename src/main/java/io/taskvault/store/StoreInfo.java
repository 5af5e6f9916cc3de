package io.taskvault.store;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;

import org.springframework.beans.factory.ObjectProvider;

/**
 * What the engine under the driver can do, for the rest of the application: every query goes through the driver
 * alike, and where the two engines must differ (the embedded one has no transactions, owns a data file that needs
 * compacting and is held by one process) the difference is answered here, by capability, never by the engine's name.
 */
public class StoreInfo {

    private final boolean embedded;
    private final ObjectProvider<EmbeddedStore> store;

    StoreInfo(boolean embedded, ObjectProvider<EmbeddedStore> store) {
        this.embedded = embedded;
        this.store = store;
    }

    boolean embedded() {
        return embedded;
    }

    /** The engine, described for people (health, overview, backup manifests). */
    public String engine() {
        if (!embedded) {
            return "MongoDB";
        }
        return store.getObject().attachedTo().map(a -> "embedded (attached to the running taskvault at " + a + ")")
                .orElse("embedded (mongo-java-server, H2 MVStore)");
    }

    /**
     * Runs the writes of one change so that no checkpoint of the embedded store falls between them (a crash then
     * leaves a cut change's first write in the log, where start-up finds it). On MongoDB it just runs them.
     */
    public <T> T asOneChange(Supplier<T> writes) {
        Optional<EmbeddedMongoServer> server = embeddedServer();
        return server.isPresent() ? server.get().committer().asOneChange(writes) : writes.get();
    }

    /** Runs {@code work} while no other write can land, where the store can hold writers back; else just runs it. */
    public <T> T withWritesHeld(Supplier<T> work) {
        Optional<EmbeddedMongoServer> server = embeddedServer();
        return server.isPresent() ? server.get().committer().exclusively(work) : work.get();
    }

    /**
     * Whether this process holds the store alone, so that anything another process left marked as held (a job
     * lock, an open session) belongs to a process that has ended.
     */
    public boolean heldByThisProcessAlone() {
        return embeddedServer().isPresent();
    }

    /** The size of the data file this process writes, when it writes one. */
    public OptionalLong dataFileBytes() {
        return embeddedServer().map(server -> OptionalLong.of(server.fileSize())).orElse(OptionalLong.empty());
    }

    /** Gives the space of removed documents back to the disk, where the store keeps it; returns the bytes freed. */
    public long compact() {
        return embeddedServer().map(EmbeddedMongoServer::compact).orElse(0L);
    }

    /** The documents per schema version of a collection, when the store keeps a running tally of them. */
    public Optional<Map<Integer, Long>> tallyOfSchemaVersions(String database, String collection) {
        return embeddedServer().map(server -> server.schemaVersions(database, collection));
    }

    /** Whether the store itself reports every write to {@link StoreChanges}, whichever process sent it. */
    boolean reportsEveryWrite() {
        return embeddedServer().isPresent();
    }

    /** The embedded server, when this process runs it (not on MongoDB, not when attached to another process). */
    public Optional<EmbeddedMongoServer> embeddedServer() {
        return embedded ? store.getObject().server() : Optional.empty();
    }
}

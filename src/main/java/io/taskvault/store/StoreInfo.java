package io.taskvault.store;

import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.beans.factory.ObjectProvider;

/** Which engine holds the data, for health pages, statistics and engine-specific choices. */
public class StoreInfo {

    private final boolean embedded;
    private final ObjectProvider<EmbeddedStore> store;

    StoreInfo(boolean embedded, ObjectProvider<EmbeddedStore> store) {
        this.embedded = embedded;
        this.store = store;
    }

    public boolean embedded() {
        return embedded;
    }

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

    /** The embedded server, when this process runs it (not on MongoDB, not when attached to another process). */
    public Optional<EmbeddedMongoServer> embeddedServer() {
        return embedded ? store.getObject().server() : Optional.empty();
    }
}

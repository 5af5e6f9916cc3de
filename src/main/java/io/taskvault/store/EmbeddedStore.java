package io.taskvault.store;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.TaskScheduler;

/**
 * The embedded store as this process sees it: either it owns the data file and runs the server, or another
 * running taskvault owns it and this process works through that one's loopback port.
 */
public final class EmbeddedStore implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedStore.class);

    private final EmbeddedMongoServer server;
    private final String attachedTo;

    private EmbeddedStore(EmbeddedMongoServer server, String attachedTo) {
        this.server = server;
        this.attachedTo = attachedTo;
    }

    static EmbeddedStore open(StoreProperties properties, CommittingH2Backend.WriteListener listener) {
        return open(properties, listener, null);
    }

    /** Opens the data file with checkpoints on {@code checkpointer} (null: a scheduler of the server's own). */
    static EmbeddedStore open(StoreProperties properties, CommittingH2Backend.WriteListener listener,
                              TaskScheduler checkpointer) {
        try {
            return new EmbeddedStore(new EmbeddedMongoServer(properties, listener, checkpointer), null);
        } catch (StoreLockedException e) {
            Optional<String> running = RunningStore.address(properties.portFile());
            if (properties.attach() && running.isPresent()) {
                log.info("The data file is held by a running taskvault; working through its store at {}", running.get());
                return new EmbeddedStore(null, running.get());
            }
            throw e;
        }
    }

    public String connectionString() {
        return server != null ? server.connectionString() : "mongodb://" + attachedTo;
    }

    /** The server, when this process owns the data file. */
    public Optional<EmbeddedMongoServer> server() {
        return Optional.ofNullable(server);
    }

    public Optional<String> attachedTo() {
        return Optional.ofNullable(attachedTo);
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
    }
}

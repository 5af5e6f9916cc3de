package io.taskvault.store;

import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;

/** Which engine holds the data, for health pages, statistics and engine-specific choices. */
public class StoreInfo {

    private final boolean embedded;
    private final ObjectProvider<EmbeddedMongoServer> server;

    StoreInfo(boolean embedded, ObjectProvider<EmbeddedMongoServer> server) {
        this.embedded = embedded;
        this.server = server;
    }

    public boolean embedded() {
        return embedded;
    }

    public String engine() {
        return embedded ? "embedded (mongo-java-server, H2 MVStore)" : "MongoDB";
    }

    public Optional<EmbeddedMongoServer> embeddedServer() {
        return embedded ? Optional.of(server.getObject()) : Optional.empty();
    }
}

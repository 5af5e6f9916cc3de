package io.taskvault.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import io.taskvault.store.StoreProperties;

/**
 * Tells a launcher working on the same data file where to hand its commands: {@code <data file>.http} holds this
 * server's address and the {@link CliSecret}, on one line, readable only by its owner. Written once the server is
 * ready, removed when it stops.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class DelegationFile {

    private static final Logger log = LoggerFactory.getLogger(DelegationFile.class);
    private final Path file;
    private final CliSecret secret;
    private final Environment environment;

    DelegationFile(StoreProperties store, CliSecret secret, Environment environment) {
        this.file = store.path().resolveSibling(store.path().getFileName() + ".http");
        this.secret = secret;
        this.environment = environment;
    }

    @EventListener(ApplicationReadyEvent.class)
    void write() {
        String port = environment.getProperty("local.server.port");
        if (port == null) {
            return;
        }
        String line = "http://" + host() + ":" + port + environment.getProperty("server.servlet.context-path", "")
                + " " + secret.value() + "\n";
        try {
            Path temp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.deleteIfExists(temp);
            try {
                Files.createFile(temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                Files.createFile(temp);
            }
            Files.writeString(temp, line, StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            log.warn("Could not record where the launcher finds this server in {}: {}", file, e.getMessage());
        }
    }

    @EventListener(ContextClosedEvent.class)
    void remove() {
        try {
            if (Files.isRegularFile(file) && Files.readString(file, StandardCharsets.UTF_8).contains(secret.value())) {
                Files.delete(file);
            }
        } catch (IOException e) {
            log.debug("Could not remove {}", file, e);
        }
    }

    /** The server's own address, or loopback when it listens on every interface. */
    private String host() {
        String address = environment.getProperty("server.address", "").trim();
        if (address.isEmpty() || address.equals("0.0.0.0") || address.equals("::") || address.equals("[::]")) {
            return "127.0.0.1";
        }
        return address.contains(":") && !address.startsWith("[") ? "[" + address + "]" : address;
    }
}

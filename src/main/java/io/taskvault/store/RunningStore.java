package io.taskvault.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** What a running taskvault recorded next to its data file: where its embedded store listens. */
public final class RunningStore {

    private RunningStore() {
    }

    /** The {@code host:port} of the store that holds the data file, if one recorded it. */
    public static Optional<String> address(Path portFile) {
        try {
            if (Files.isRegularFile(portFile)) {
                String text = Files.readString(portFile, StandardCharsets.UTF_8).trim();
                return text.isEmpty() ? Optional.empty() : Optional.of(text);
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    static String describe(Path portFile) {
        return address(portFile).map(a -> " (its store listens on " + a + ")").orElse("");
    }
}

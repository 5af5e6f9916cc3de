package io.taskvault.archive;

import java.util.Map;

import io.taskvault.task.Task;

/** Moves one finished task into the archive at once, as the archival job does, for tests in other packages. */
public final class ArchiveFixtures {

    private ArchiveFixtures() {
    }

    public static void archive(Archive archive, Task finished) {
        archive.archive(finished, "test", Map.of());
    }
}

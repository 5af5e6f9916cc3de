package io.taskvault.system.shell;

import java.time.Instant;
import java.util.List;

/**
 * One recorded shell session: an interactive prompt from start to end, or a single scripted command.
 *
 * @param mode "interactive" or "command"
 */
public record ShellSession(String id, String mode, String user, String host, Instant startedAt, Instant endedAt,
                           List<RecordedCommand> commands, int schemaVersion) {

    /** One command typed in a session: its text, when it ran, how long it took and how it ended. */
    public record RecordedCommand(String text, Instant at, long durationMillis, int exitStatus) {
    }
}

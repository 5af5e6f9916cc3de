package io.taskvault.system.shell;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.taskvault.task.ConcurrentTaskModificationException;
import io.taskvault.task.InvalidTaskException;
import io.taskvault.task.TaskNotFoundException;
import io.taskvault.task.VersionMismatchException;

/** The exit code a script sees comes from the kind of refusal; only the shell's own parser counts as bad usage. */
class ShellFailureTest {

    @Test
    void refusalsGetTheExitCodeOfTheirKind() {
        assertThat(ShellFailure.of(new TaskNotFoundException("TV-9")))
                .extracting(ShellFailure::exitCode, ShellFailure::message)
                .containsExactly(ShellFailure.NOT_FOUND, "No task TV-9 exists; 'list' shows the tasks there are");
        assertThat(ShellFailure.of(new InvalidTaskException("title", "is required")).exitCode()).isEqualTo(ShellFailure.USAGE);
        assertThat(ShellFailure.of(new ConcurrentTaskModificationException("TV-9", "raced")).exitCode())
                .isEqualTo(ShellFailure.CONFLICT);
        assertThat(ShellFailure.of(new VersionMismatchException("TV-9", 1, 2)).exitCode()).isEqualTo(ShellFailure.CONFLICT);
    }

    @Test
    void anIllegalArgumentFromOurOwnCodeIsAFailureNotBadUsage() {
        ShellFailure failure = ShellFailure.of(new IllegalArgumentException("index -1"), "list");

        assertThat(failure.exitCode()).isEqualTo(ShellFailure.FAILED);
    }

    @Test
    void anIllegalArgumentFromTheShellsOptionParserIsBadUsage() {
        IllegalArgumentException parser = new IllegalArgumentException("Required option '--reason' is missing.");
        parser.setStackTrace(new StackTraceElement[] {new StackTraceElement(
                "org.springframework.shell.core.command.adapter.MethodInvokerCommandAdapter", "execute", null, 1)});

        ShellFailure failure = ShellFailure.of(parser, "fail");

        assertThat(failure.exitCode()).isEqualTo(ShellFailure.USAGE);
        assertThat(failure.message()).isEqualTo("Required option '--reason' is missing for 'fail'. See 'help fail'.");
    }
}

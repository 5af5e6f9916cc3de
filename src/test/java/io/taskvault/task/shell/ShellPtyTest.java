package io.taskvault.task.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.taskvault.support.BesideTheSequence;

/** Runs src/test/scripts/shell-pty.sh: the packaged app at a real pseudo-terminal (tmux), Tab completion included. */
@BesideTheSequence
class ShellPtyTest {

    @Test
    @Timeout(value = 6, unit = TimeUnit.MINUTES)
    void thePackagedAppAnswersAtARealTerminalAndCompletesTaskKeysAndStates(@TempDir Path dir) throws Exception {
        assumeTrue(onPath("tmux"), "tmux is not installed; .ci/run installs it for this test");
        Optional<File> jar = packagedJar();
        assumeTrue(jar.isPresent(), "no target/taskvault.jar yet: Maven builds it before the tests (process-test-classes)");

        Process script = new ProcessBuilder("bash", "src/test/scripts/shell-pty.sh", jar.get().getPath(), dir.toString())
                .redirectErrorStream(true).start();
        String output = new String(script.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        boolean ended = script.waitFor(5, TimeUnit.MINUTES);

        assertThat(ended).as("the pty script ended").isTrue();
        assertThat(script.exitValue()).as(output).isZero();
        assertThat(Files.readString(dir.resolve("screen.txt"))).contains("taskvault> show TV-1", "Chain  intact",
                "PENDING", "error: Task TV-1 cannot move from PENDING to RUNNING", "taskvault> start TV-1", "TV-1 is now RUNNING",
                "taskvault> list --state=RUNNING", "EXITED rc=0");
    }

    private static boolean onPath(String program) throws IOException, InterruptedException {
        Process which = new ProcessBuilder("sh", "-c", "command -v " + program).start();
        return which.waitFor(10, TimeUnit.SECONDS) && which.exitValue() == 0;
    }

    private static Optional<File> packagedJar() {
        File[] jars = new File("target").listFiles((d, name) -> name.matches("taskvault.*\\.jar")
                && !name.contains("plain") && !name.contains("sources"));
        return jars == null ? Optional.empty()
                : Arrays.stream(jars).max((a, b) -> Long.compare(a.lastModified(), b.lastModified()));
    }
}

package io.taskvault.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.taskvault.support.BesideTheSequence;

/**
 * The embedded store answers every query the same with its secondary indexes as by a full scan, order included:
 * the same task-shaped documents in a collection with the application's indexes and in one with none, thousands of
 * seeded queries against both; then again after a process writing to it was killed with SIGKILL and it reopened
 * ({@link DifferentialRun}).
 */
@BesideTheSequence
class IndexedQueryDifferentialTest {

    @TempDir
    Path folder;

    //why: the comparison runs in a JVM of its own with the JVM's default compilers, while the test fork runs on C1
    //    alone (pom.xml): C1's code took the comparison twice as long; the parallel collector spent 21 % less CPU on
    //    it than G1 (docs/performance.md, "The test suite's time")
    @Test
    void indexedQueriesAnswerAsScansDoBeforeAndAfterSigkill() throws Exception {
        Path output = folder.resolve("run.log");
        Process run = new ProcessBuilder(EmbeddedStoreCrashTest.childJvm(List.of("-XX:+UseParallelGC"), DifferentialRun.class,
                folder.toString()))
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        try {
            assertThat(run.waitFor(20, TimeUnit.MINUTES)).as("the comparison finished").isTrue();
        } finally {
            run.destroyForcibly();
        }
        String said = Files.readString(output, StandardCharsets.UTF_8);
        assertThat(run.exitValue()).as("the comparison's exit code; it said:%n%s", said).isZero();
        assertThat(said).contains("before the kill: ", "after the restart: ");
    }
}

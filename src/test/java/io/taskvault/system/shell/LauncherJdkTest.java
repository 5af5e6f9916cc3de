package io.taskvault.system.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.taskvault.support.BesideTheSequence;

/**
 * The launcher's choice of JDK and start-up cache, run against a stub {@code java} that records how it was called
 * (no JVM starts): JAVA_HOME's java, the JDK's ahead-of-time cache from JDK 24 on, the class-data-sharing archive on
 * JDK 17, each trained once per jar.
 */
@BesideTheSequence
class LauncherJdkTest {

    //why: stands in for a JDK: records each call; extracts by making the jar, trains by writing the file it is given
    private static final String STUB = """
            #!/usr/bin/env bash
            echo "$*" >> "$(dirname "$0")/../calls"
            for arg in "$@"; do
              case "$arg" in
                --destination) next=dest ;;
                -XX:AOTCacheOutput=*|-XX:ArchiveClassesAtExit=*) touch "${arg#*=}" ;;
                *) [[ ${next:-} == dest ]] && { mkdir -p "$arg"; touch "$arg/taskvault.jar"; next=""; } ;;
              esac
            done
            exit 0
            """;

    @TempDir
    Path folder;

    @Test
    void aJdkOf24OrNewerFromJavaHomeRunsOnItsAheadOfTimeCacheTrainedOnce() throws Exception {
        Path jdk = jdk("25");

        launch(jdk, "list");
        launch(jdk, "list");

        List<String> calls = Files.readAllLines(jdk.resolve("calls"));
        assertThat(calls).filteredOn(call -> call.contains("-XX:AOTCacheOutput=")).singleElement()
                .satisfies(training -> assertThat(training).contains("command-jdk25.aot").contains("list"));
        assertThat(calls.get(calls.size() - 1)).contains("-XX:AOTCache=").contains("command-jdk25.aot")
                .contains("--enable-native-access=ALL-UNNAMED").doesNotContain("SharedArchiveFile");
    }

    @Test
    void jdk17KeepsItsClassDataSharingArchive() throws Exception {
        Path jdk = jdk("17");

        launch(jdk, "show", "TV-1");

        List<String> calls = Files.readAllLines(jdk.resolve("calls"));
        assertThat(calls).anySatisfy(call -> assertThat(call).contains("-XX:ArchiveClassesAtExit="));
        assertThat(calls.get(calls.size() - 1)).contains("-XX:SharedArchiveFile=").contains("command.jsa")
                .doesNotContain("AOTCache").endsWith("show TV-1");
    }

    @Test
    void aServerGetsACacheOfItsOwn() throws Exception {
        Path jdk = jdk("25");

        launch(jdk, "--server.port=0");

        List<String> calls = Files.readAllLines(jdk.resolve("calls"));
        assertThat(calls.get(calls.size() - 1)).contains("server-jdk25.aot").contains("-Xmx768m");
    }

    @Test
    void aOneShotAsksForHugePagesWhenTheKernelGivesThemOnRequestAndTheServerDoesNot() throws Exception {
        Path settings = Path.of("/sys/kernel/mm/transparent_hugepage/enabled");
        boolean onRequest = Files.isReadable(settings) && Files.readString(settings).contains("[madvise]");
        Path jdk = jdk("17");

        launch(jdk, "show", "TV-1");
        String oneShot = last(jdk);
        launch(jdk, "--server.port=0");
        String server = last(jdk);

        assertThat(oneShot.contains("-XX:+UseTransparentHugePages")).as(oneShot).isEqualTo(onRequest);
        assertThat(server).contains("-Xmx768m").doesNotContain("TransparentHugePages");
    }

    @Test
    void aOneShotOnTwoProcessorsOrFewerCompilesOnOneThreadAndTheServerKeepsTheJvmsChoice() throws Exception {
        Path jdk = jdk("17");

        launchOn(2, jdk, "show", "TV-1");
        String two = last(jdk);
        launchOn(1, jdk, "show", "TV-1");
        String one = last(jdk);
        launchOn(3, jdk, "show", "TV-1");
        String three = last(jdk);
        launchOn(2, jdk, "--server.port=0");
        String server = last(jdk);

        assertThat(two).contains("-XX:TieredStopAtLevel=1").contains("-XX:CICompilerCount=1").endsWith("show TV-1");
        assertThat(one).contains("-XX:CICompilerCount=1");
        assertThat(three).contains("-XX:TieredStopAtLevel=1").doesNotContain("CICompilerCount");
        assertThat(server).contains("-Xmx768m").doesNotContain("CICompilerCount");
    }

    @Test
    void aCompilerThreadCountGivenInTheJavaOptionsIsKept() throws Exception {
        Path jdk = jdk("17");

        launchOn(2, jdk, Map.of("TASKVAULT_JAVA_OPTS", "-XX:CICompilerCount=2"), "show", "TV-1");

        assertThat(last(jdk)).contains("-XX:CICompilerCount=2").doesNotContain("-XX:CICompilerCount=1");
    }

    private static String last(Path jdk) throws IOException {
        List<String> calls = Files.readAllLines(jdk.resolve("calls"));
        return calls.get(calls.size() - 1);
    }

    /** A stub JDK of that release: bin/java and a release file, as a JDK has them. */
    private Path jdk(String release) throws IOException {
        Path home = folder.resolve("jdk-" + release);
        Path java = Files.createDirectories(home.resolve("bin")).resolve("java");
        Files.writeString(java, STUB);
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(home.resolve("release"), "JAVA_VERSION=\"" + release + ".0.1\"\n");
        return home;
    }

    private void launch(Path jdk, String... args) throws Exception {
        launchOn(0, jdk, Map.of(), args);
    }

    private void launchOn(int processors, Path jdk, String... args) throws Exception {
        launchOn(processors, jdk, Map.of(), args);
    }

    /**
     * Launches as on a machine of {@code processors} (a stub {@code nproc} first on the PATH; this machine's when 0),
     * with {@code environment} added.
     */
    private void launchOn(int processors, Path jdk, Map<String, String> environment, String... args) throws Exception {
        Path install = folder.resolve("install");
        Files.createDirectories(install.resolve("target"));
        Files.copy(Path.of("taskvault"), install.resolve("taskvault"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        if (!Files.exists(install.resolve("target/taskvault.jar"))) {
            Files.writeString(install.resolve("target/taskvault.jar"), "not a jar");
        }
        List<String> argv = new java.util.ArrayList<>(List.of("bash", install.resolve("taskvault").toString()));
        argv.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(argv).directory(folder.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", jdk.toString());
        builder.environment().put("TASKVAULT_DELEGATE", "never");
        if (processors > 0) {
            Path bin = Files.createDirectories(folder.resolve("processors-" + processors));
            Path nproc = bin.resolve("nproc");
            Files.writeString(nproc, "#!/usr/bin/env bash\necho " + processors + "\n");
            Files.setPosixFilePermissions(nproc, PosixFilePermissions.fromString("rwxr-xr-x"));
            builder.environment().put("PATH", bin + File.pathSeparator + System.getenv("PATH"));
        }
        builder.environment().remove("TASKVAULT_CACHE");
        builder.environment().remove("TASKVAULT_CDS");
        builder.environment().remove("TASKVAULT_JAVA_OPTS");
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
    }
}

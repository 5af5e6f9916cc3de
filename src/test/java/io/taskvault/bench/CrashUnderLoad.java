package io.taskvault.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Crash test (a program, not a unit test): runs the packaged app as a child process, writes through the REST API
 * from several threads, SIGKILLs the process mid-write, restarts it, and checks that every write the client saw
 * acknowledged is there (at least at the acknowledged version) and that every hash chain verifies.
 *
 * <pre>mvn -q -o package -DskipTests
 * java -cp target/test-classes io.taskvault.bench.CrashUnderLoad target/taskvault.jar 5 8</pre>
 * Arguments: jar, rounds (5), seconds of writing per round (8), writer threads (4).
 */
public final class CrashUnderLoad {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern VERSION = Pattern.compile("\"version\"\\s*:\\s*(\\d+)");
    private static final Pattern FINDINGS = Pattern.compile("\"findings\"\\s*:\\s*\\[\\s*]");
    private static final Pattern CHECKED = Pattern.compile("\"checked\"\\s*:\\s*(\\d+)");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Map<String, Long> acknowledged = new ConcurrentHashMap<>();
    private final String jar;
    private final Path data;
    private final int port;

    private CrashUnderLoad(String jar, Path data, int port) {
        this.jar = jar;
        this.data = data;
        this.port = port;
    }

    public static void main(String[] args) throws Exception {
        String jar = args.length > 0 ? args[0] : "target/taskvault.jar";
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : 4;
        Path data = Files.createTempDirectory("taskvault-crash");
        int port = 18000 + (int) (ProcessHandle.current().pid() % 1000);
        new CrashUnderLoad(jar, data, port).run(rounds, seconds, threads);
    }

    private void run(int rounds, int seconds, int threads) throws Exception {
        System.out.printf("jar=%s data=%s port=%d rounds=%d seconds=%d threads=%d%n", jar, data, port, rounds, seconds, threads);
        int failures = 0;
        for (int round = 1; round <= rounds; round++) {
            long startedAt = System.nanoTime();
            Process app = start(round);
            long readyMs = awaitReady(app);
            String problems = round == 1 ? "" : check();
            if (!problems.isEmpty()) {
                failures++;
            }
            System.out.printf("round %d: ready in %d ms (process start to first answer %d ms); %d acknowledged so far; %s%n",
                    round, readyMs, (System.nanoTime() - startedAt) / 1_000_000, acknowledged.size(),
                    round == 1 ? "fresh store" : problems.isEmpty() ? "all present, chains intact" : "PROBLEMS: " + problems);
            long writes = writeThenKill(app, seconds, threads);
            System.out.printf("round %d: %d writes acknowledged in %d s, then SIGKILL%n", round, writes, seconds);
        }
        Process app = start(rounds + 1);
        long readyMs = awaitReady(app);
        String problems = check();
        System.out.printf("final: ready in %d ms; %d tasks acknowledged in total; %s; recovery %s%n", readyMs,
                acknowledged.size(), problems.isEmpty() ? "all present, chains intact" : "PROBLEMS: " + problems,
                get("/api/recovery").body());
        app.destroy();
        app.waitFor();
        System.exit(failures == 0 && problems.isEmpty() ? 0 : 1);
    }

    private Process start(int round) throws IOException {
        //why: system properties, not arguments: the non-interactive shell would take arguments for a command
        return new ProcessBuilder("java", "-Xmx512m", "-Dserver.port=" + port,
                "-Dtaskvault.store.path=" + data.resolve("taskvault.mv"), "-Dspring.shell.interactive.enabled=false",
                "-Dtaskvault.store.cache-size-mb=64", "-jar", jar)
                .redirectErrorStream(true).redirectOutput(data.resolve("app-" + round + ".log").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
    }

    private long awaitReady(Process app) throws InterruptedException {
        long start = System.nanoTime();
        while (System.nanoTime() - start < Duration.ofMinutes(3).toNanos()) {
            if (!app.isAlive()) {
                throw new IllegalStateException("the app exited with " + app.exitValue() + "; see " + data);
            }
            try {
                if (get("/api/persistence/stats").statusCode() == 200) {
                    return (System.nanoTime() - start) / 1_000_000;
                }
            } catch (IOException e) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("the app did not answer within 3 minutes; see " + data);
    }

    private long writeThenKill(Process app, int seconds, int threads) throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong writes = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (int t = 0; t < threads; t++) {
            pool.submit(() -> {
                while (running.get()) {
                    try {
                        HttpResponse<String> created = post("/api/tasks", "{\"title\":\"crash test\",\"role\":\"backend\"}");
                        if (created.statusCode() != 201) {
                            continue;
                        }
                        String id = match(ID, created.body());
                        acknowledged.put(id, Long.parseLong(match(VERSION, created.body())));
                        writes.incrementAndGet();
                        HttpResponse<String> queued = post("/api/tasks/" + id + "/transitions", "{\"to\":\"QUEUED\"}");
                        if (queued.statusCode() == 200) {
                            acknowledged.put(id, Long.parseLong(match(VERSION, queued.body())));
                            writes.incrementAndGet();
                        }
                    } catch (IOException | InterruptedException e) {
                        return; // the process was killed mid-request: that write was never acknowledged
                    }
                }
            });
        }
        Thread.sleep(seconds * 1000L);
        new ProcessBuilder("kill", "-9", Long.toString(app.pid())).start().waitFor();
        running.set(false);
        app.waitFor();
        pool.shutdown();
        pool.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS);
        return writes.get();
    }

    /** Every acknowledged task at least at its acknowledged version, then the integrity check over all of them. */
    private String check() throws Exception {
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, Long> write : acknowledged.entrySet()) {
            HttpResponse<String> found = get("/api/tasks/" + write.getKey());
            if (found.statusCode() != 200 || Long.parseLong(match(VERSION, found.body())) < write.getValue()) {
                missing.add(write.getKey() + "@" + write.getValue());
            }
        }
        HttpResponse<String> verified = post("/api/integrity/verify", "");
        boolean intact = verified.statusCode() == 200 && FINDINGS.matcher(verified.body()).find();
        String checked = verified.statusCode() == 200 ? match(CHECKED, verified.body()) : "?";
        System.out.printf("  checked %d acknowledged writes; integrity over %s tasks: %s%n", acknowledged.size(), checked,
                intact ? "intact" : verified.body());
        return (missing.isEmpty() ? "" : missing.size() + " missing " + missing.subList(0, Math.min(5, missing.size())))
                + (intact ? "" : " integrity problems");
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String match(Pattern pattern, String body) {
        Matcher m = pattern.matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("unexpected response: " + body);
        }
        return m.group(1);
    }
}

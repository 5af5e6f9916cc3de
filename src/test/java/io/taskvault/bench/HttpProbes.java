package io.taskvault.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

/** The same reads through the doors (REST and the dashboard's task list), with an in-process HTTP client. */
final class HttpProbes {

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final Function<ThreadLocalRandom, String> randomKey;
    private final SuiteResults results;

    //why: keys come from the service probes' picker, which skips the tasks an earlier run archived (--reuse)
    HttpProbes(int port, Function<ThreadLocalRandom, String> randomKey, SuiteResults results) {
        this.base = "http://127.0.0.1:" + port;
        this.randomKey = randomKey;
        this.results = results;
    }

    void run() throws Exception {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        get("/api/tasks/" + randomKey.apply(random), false);
        Percentiles one = new Percentiles(500);
        for (int i = 0; i < 500; i++) {
            one.add(get("/api/tasks/" + randomKey.apply(random), false));
        }
        results.put("REST GET /api/tasks/{key}", one.p50p99());
        results.put("REST GET /api/tasks/persistent (filtered page 1)",
                repeat("/api/tasks/persistent?states=PENDING&states=RUNNING&roles=qa&sort=UPDATED&limit=50", 100, false));
        results.put("dashboard GET /tasks?state=PENDING&role=qa (full page)",
                repeat("/tasks?state=PENDING&state=RUNNING&role=qa", 100, false));
        results.put("dashboard /tasks list fragment (htmx)", repeat("/tasks?state=PENDING&state=RUNNING&role=qa", 100, true));
    }

    private String repeat(String path, int samples, boolean htmx) throws Exception {
        Percentiles p = new Percentiles(samples);
        get(path, htmx);
        for (int i = 0; i < samples; i++) {
            p.add(get(path, htmx));
        }
        return p.p50p99();
    }

    private long get(String path, boolean htmx) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (htmx) {
            request.header("HX-Request", "true");
        }
        long start = System.nanoTime();
        HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        long took = System.nanoTime() - start;
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + response.statusCode() + ": "
                    + new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
        }
        return took;
    }
}

package io.taskvault.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.taskvault.support.RunningServerTest;

/**
 * Malformed requests through a real server (MockMvc neither decodes query strings nor parses multipart as Tomcat
 * does): each is answered 4xx with problem details, never 5xx, and a seeded random mix of 1,000 over the REST API
 * and the dashboard's forms gets no 5xx.
 */
@RunningServerTest
class MalformedRequestsTest {

    private static final String JSON = "application/json";
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String BOUNDARY = "fuzz-boundary";

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .cookieHandler(new CookieManager()).build();
    private String key;
    private String csrf;

    @BeforeEach
    void aTaskAndADashboardSession() throws Exception {
        key = send("POST", "/api/tasks", JSON, bytes("{\"title\":\"Fuzzed\"}"), Map.of()).body()
                .replaceAll("(?s).*\"key\":\"(TV-\\d+)\".*", "$1");
        Matcher token = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"")
                .matcher(send("GET", "/tasks/" + key, null, null, Map.of()).body());
        assertThat(token.find()).as("the dashboard hands out a CSRF token").isTrue();
        csrf = token.group(1);
    }

    @Test
    void refusesAQueryStringThatIsNotUtf8OnEveryDoor() throws Exception {
        for (String path : List.of("/tasks?search=%FF%FE", "/api/tasks?search=%FF%FE", "/tasks?search=%C0%AF",
                "/api/tasks?search=%E0%80%AF", "/tasks?search=%E2%82", "/api/tasks?search=%ED%A0%80")) {
            HttpResponse<String> response = send("GET", path, null, null, Map.of());
            assertThat(response.statusCode()).as(path).isEqualTo(400);
            assertThat(response.body()).as(path).contains("not valid");
            assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("problem+json");
        }
        assertThat(send("GET", "/tasks?search=caf%C3%A9", null, null, Map.of()).statusCode()).isEqualTo(200);
    }

    @Test
    void namesWhatIsWrongWithAQueryString() {
        assertThat(RequestEncoding.problemOf("a=1&b=caf%C3%A9+x")).isNull();
        assertThat(RequestEncoding.problemOf("search=%")).contains("two hex digits");
        assertThat(RequestEncoding.problemOf("search=%ZZ")).contains("two hex digits");
        assertThat(RequestEncoding.problemOf("search=%C0%AF")).contains("not UTF-8");
        assertThat(RequestEncoding.problemOf("search=\u00ff")).contains("not UTF-8");
    }

    @Test
    void refusesAJsonBodyWithOverlongOrInvalidUtf8() throws Exception {
        byte[] overlong = concat(bytes("{\"title\":\"a"), new byte[] {(byte) 0xC0, (byte) 0xAF}, bytes("b\"}"));
        byte[] invalid = concat(bytes("{\"title\":\"a"), new byte[] {(byte) 0xFF}, bytes("\"}"));
        for (byte[] body : List.of(overlong, invalid)) {
            HttpResponse<String> response = send("POST", "/api/tasks", JSON, body, Map.of());
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.body()).contains("not UTF-8");
        }
    }

    @Test
    void refusesAMalformedMultipartBody() throws Exception {
        String truncated = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"type\"\r\n\r\nLOG\r\n--"
                + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.log\"\r\n\r\nabc";
        for (String body : List.of(truncated, "not multipart at all", "--" + BOUNDARY + "\r\n\r\n")) {
            HttpResponse<String> api = send("POST", "/api/tasks/" + key + "/outputs",
                    "multipart/form-data; boundary=" + BOUNDARY, bytes(body), Map.of());
            assertThat(api.statusCode()).as(body).isEqualTo(400);
            assertThat(api.headers().firstValue("Content-Type").orElse("")).contains("problem+json");
            HttpResponse<String> dashboard = send("POST", "/tasks/" + key + "/outputs",
                    "multipart/form-data; boundary=" + BOUNDARY, bytes(body), Map.of("HX-Request", "true", "X-CSRF-TOKEN", csrf));
            assertThat(dashboard.statusCode()).as(body).isEqualTo(400);
        }
    }

    @Test
    void takesOnlyTrueOrFalseForABoolean() throws Exception {
        for (String value : List.of("-1", "2", "0", "1.5", "\"yes\"")) {
            HttpResponse<String> response = send("POST", "/api/tasks", JSON,
                    bytes("{\"title\":\"b\",\"fullAccess\":" + value + "}"), Map.of());
            assertThat(response.statusCode()).as(value).isEqualTo(400);
            assertThat(response.body()).as(value).contains("fullAccess");
            assertThat(send("PATCH", "/api/tasks/" + key, JSON, bytes("{\"fullAccess\":" + value + "}"), Map.of())
                    .statusCode()).as(value).isEqualTo(400);
        }
        assertThat(send("POST", "/api/tasks", JSON, bytes("{\"title\":\"b\",\"fullAccess\":true}"), Map.of()).body())
                .contains("\"fullAccess\":true");
    }

    @Test
    void namesAStateRatherThanNumberingIt() throws Exception {
        HttpResponse<String> response = send("POST", "/api/tasks/" + key + "/transitions", JSON, bytes("{\"to\":7}"),
                Map.of());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(send("GET", "/api/tasks/" + key, null, null, Map.of()).body()).contains("\"state\":\"PENDING\"");
        assertThat(send("PATCH", "/api/tasks/" + key, JSON, bytes("{\"title\":1e999999}"), Map.of()).statusCode())
                .isEqualTo(400);
    }

    @Test
    void refusesDeepNestingOfArraysAsOfObjectsAndListsStillWork() throws Exception {
        for (String metadata : List.of(nested("[", "]", 497), nested("{\"a\":", "}", 497), nested("[", "]", 9))) {
            HttpResponse<String> response = send("POST", "/api/tasks", JSON,
                    bytes("{\"title\":\"deep\",\"metadata\":{\"m\":" + metadata + "}}"), Map.of());
            assertThat(response.statusCode()).isEqualTo(400);
        }
        HttpResponse<String> context = send("POST", "/api/tasks/" + key + "/context/requirements", JSON,
                bytes("{\"type\":\"functional\",\"content\":{\"c\":" + nested("[", "]", 500) + "}}"), Map.of());
        assertThat(context.statusCode()).isEqualTo(400);
        assertThat(send("GET", "/api/tasks", null, null, Map.of()).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/api/tasks/" + key + "/context/requirements", null, null, Map.of()).statusCode())
                .isEqualTo(200);
    }

    @Test
    void keepsTheChainIntactForALoneSurrogate() throws Exception {
        String created = send("POST", "/api/tasks", JSON, bytes("{\"title\":\"sur \\ud800 x\"}"), Map.of()).body();
        String surrogate = created.replaceAll("(?s).*\"key\":\"(TV-\\d+)\".*", "$1");
        assertThat(send("GET", "/tasks/" + surrogate, null, null, Map.of()).body()).contains("History chain")
                .doesNotContain("BROKEN");
        assertThat(send("POST", "/api/verify", null, null, Map.of()).body()).doesNotContain(surrogate)
                .doesNotContain("altered");
    }

    @Test
    void aThousandMalformedRequestsGetNo5xx() throws Exception {
        Random random = new Random(22);
        List<Supplier<Probe>> kinds = probes(random);
        Map<Integer, Integer> tally = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            Probe probe = kinds.get(random.nextInt(kinds.size())).get();
            int status = send(probe.method, probe.path, probe.type, probe.body, probe.headers).statusCode();
            tally.merge(status, 1, Integer::sum);
            if (status >= 500) {
                failures.add(status + " " + probe);
            }
        }
        System.out.printf("malformed requests: 1000 sent, by status %s, %d 5xx%n", tally, failures.size());
        assertThat(failures).isEmpty();
        assertThat(tally.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(1_000);
    }

    private List<Supplier<Probe>> probes(Random random) {
        String[] jsonPaths = {"/api/tasks", "/api/tasks/batch", "/api/tasks/" + key + "/transitions",
                "/api/tasks/" + key + "/notes", "/api/tasks/" + key + "/outputs", "/api/tasks/" + key + "/context/requirements",
                "/api/tasks/" + key + "/context/ai-interactions", "/api/tasks/" + key + "/context/validations"};
        String[] badJson = {"{", "[1,", "nul", "{\"title\":}", "{'title':'x'}", "{\"title\":\"x\"}{", "\"\\uZZZZ\"",
                "1e99999", "{\"title\":1e999999}", "{\"title\":\"x\",\"complexityScore\":99999999999999999999999}",
                "{\"title\":\"x\",\"fullAccess\":-1}", "{\"title\":\"x\",\"fullAccess\":2}", "{\"title\":[]}",
                "{\"title\":\"x\",\"priority\":{}}", "{\"title\":\"x\",\"tags\":5}", "{\"to\":7}", "{\"to\":\"NOPE\"}",
                "{\"note\":[1]}", "{\"type\":\"LOG\",\"content\":{}}", "{\"type\":\"functional\",\"content\":\"x\"}",
                "{\"agent\":1,\"success\":2}", "{\"status\":\"MAYBE\"}", "{\"title\":\"\\ud800\"}", "<xml/>", ""};
        String[] badQueries = {"limit=-1", "limit=abc", "limit=99999999999999999999", "offset=-5", "states=NOPE",
                "sort=bogus", "cursor=!!", "search=%FF%FE", "search=%C0%AF", "search=%F8%88%80%80%80", "search=%E0%80",
                "states%5B%24ne%5D=x", "%24where=1", "a.b=1", "date_from=yesterday", "priorities=URGENT"};
        String[] queryPaths = {"/api/tasks", "/tasks", "/", "/api/tasks/" + key + "/history",
                "/api/tasks/" + key + "/context/requirements", "/tasks/" + key, "/api/export", "/live"};
        String[] forms = {"/tasks/" + key + "/transition", "/tasks/" + key + "/notes", "/tasks/" + key + "/edit",
                "/tasks/bulk/confirm", "/tasks/" + key + "/context/requirements", "/tasks/" + key + "/outputs"};
        String[] formBodies = {"to=NOPE", "to=", "to=QUEUED&version=abc", "note=", "fullAccess=-1",
                "complexityScore=1e999", "metadata=" + "%5B".repeat(600), "action=NOPE", "action=", "type=BOGUS",
                "type=functional&content=" + "%7B%22a%22%3A".repeat(300), "selected=%FF", "priority=%C0%AF", "%=%"};
        return List.of(
                () -> new Probe(pick(random, new String[] {"POST", "PATCH"}), pick(random, jsonPaths), JSON,
                        bytes(pick(random, badJson)), Map.of()),
                () -> new Probe("PATCH", "/api/tasks/" + key, JSON, bytes(pick(random, badJson)), Map.of()),
                () -> new Probe("POST", pick(random, jsonPaths), JSON, badBytes(random), Map.of()),
                () -> new Probe("POST", "/api/tasks", JSON, bytes("{\"title\":\"n\",\"metadata\":{\"m\":"
                        + nested(random.nextBoolean() ? "[" : "{\"k\":", random.nextBoolean() ? "]" : "}",
                        1 + random.nextInt(700)) + "}}"), Map.of()),
                () -> new Probe("GET", pick(random, queryPaths) + "?" + pick(random, badQueries), null, null, Map.of()),
                () -> new Probe("POST", pick(random, new String[] {"/api/tasks/" + key + "/outputs", "/tasks/" + key + "/outputs"}),
                        "multipart/form-data; boundary=" + (random.nextBoolean() ? BOUNDARY : "other"), brokenMultipart(random),
                        Map.of("HX-Request", "true", "X-CSRF-TOKEN", csrf)),
                () -> new Probe("POST", pick(random, forms), FORM, bytes(pick(random, formBodies)),
                        Map.of("HX-Request", "true", "X-CSRF-TOKEN", csrf)),
                () -> new Probe("POST", pick(random, forms), FORM, concat(bytes("note="), badBytes(random)),
                        Map.of("HX-Request", "true", "X-CSRF-TOKEN", csrf)));
    }

    private static byte[] badBytes(Random random) {
        byte[][] shapes = {{(byte) 0xC0, (byte) 0xAF}, {(byte) 0xFF, (byte) 0xFE}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                {(byte) 0xE2, (byte) 0x82}, {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}, {0, 1, 2}};
        byte[] noise = new byte[random.nextInt(64)];
        random.nextBytes(noise);
        return concat(bytes("{\"title\":\""), random.nextBoolean() ? shapes[random.nextInt(shapes.length)] : noise,
                bytes("\"}"));
    }

    private static byte[] brokenMultipart(Random random) {
        String part = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"type\"\r\n\r\nLOG\r\n--" + BOUNDARY
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.log\"\r\nContent-Type: text/plain\r\n\r\n"
                + "line\r\n--" + BOUNDARY + "--\r\n";
        return switch (random.nextInt(5)) {
            case 0 -> bytes(part.substring(0, random.nextInt(part.length())));
            case 1 -> bytes(part.replace("\r\n\r\n", "\r\n"));
            case 2 -> bytes(part.replace("Content-Disposition", "Content-Dispostion"));
            case 3 -> concat(bytes(part.substring(0, 60)), new byte[] {(byte) 0xC0, (byte) 0xAF, 0}, bytes(part.substring(60)));
            default -> bytes("--" + BOUNDARY + "\r\n" + "x".repeat(random.nextInt(200)));
        };
    }

    private HttpResponse<String> send(String method, String path, String type, byte[] body, Map<String, String> headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (type != null) {
            request.header("Content-Type", type);
        }
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String nested(String open, String close, int depth) {
        return open.repeat(depth) + "1" + close.repeat(depth);
    }

    private static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private record Probe(String method, String path, String type, byte[] body, Map<String, String> headers) {

        @Override
        public String toString() {
            String shown = body == null ? "" : new String(body, StandardCharsets.ISO_8859_1);
            return method + " " + path + " " + (shown.length() > 120 ? shown.substring(0, 120) + "…" : shown);
        }
    }
}

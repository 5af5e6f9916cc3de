package io.taskvault.task.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.bson.BsonValue;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.jayway.jsonpath.JsonPath;

import io.taskvault.support.EmbeddedStoreTest;

/**
 * Hundreds of generated malformed requests (bad JSON, wrong types, huge values, operator keys, bad enums, bad ids,
 * bad headers): none may get a 5xx, every write must be refused with a 4xx, and no stored document may change.
 */
@EmbeddedStoreTest
class ApiFuzzTest {

    private static final String[] BAD_JSON = {"{", "[1,", "nul", "{\"title\":}", "{\"title\":\"x\",}", "\u0000\u0001",
            "{'title':'x'}", "{\"title\":\"x\"}{\"title\":\"y\"}", "[".repeat(5_000), "{\"a\":" .repeat(3_000), "\"\\uZZZZ\"",
            "1e99999", "--", "{\"title\":\"\\ud800\"", "<task/>"};
    /** Each makes an otherwise fine task invalid. */
    private static final String[] BAD_FIELDS = {"\"title\":5,\"priority\":\"URGENT\"", "\"title\":\"\"", "\"title\":null",
            "\"title\":\"" + "t".repeat(301) + "\"", "\"title\":\"x\",\"$where\":\"sleep(100)\"",
            "\"title\":\"x\",\"metadata\":{\"$gt\":1}", "\"title\":\"x\",\"metadata\":{\"a.b\":1}",
            "\"title\":\"x\",\"requirements\":{\"$set\":{\"state\":\"COMPLETED\"}}",
            "\"title\":\"x\",\"metadata\":" + "{\"d\":".repeat(12) + "1" + "}".repeat(12),
            "\"title\":\"x\",\"tags\":[" + "\"t\",".repeat(60) + "\"t\"]", "\"title\":\"x\",\"tags\":[\"has space\"]",
            "\"title\":\"x\",\"tags\":\"notalist\"", "\"title\":\"x\",\"priority\":7", "\"title\":\"x\",\"complexityScore\":1e400",
            "\"title\":\"x\",\"complexityScore\":99999999999999999999", "\"title\":[\"x\"]", "\"title\":{\"$ne\":null}",
            "\"title\":\"x\",\"description\":\"" + "d".repeat(100_001) + "\"", "\"title\":\"x\",\"fullAccess\":\"maybe\"",
            "\"title\":\"x\",\"state\":\"COMPLETED\"", "\"title\":\"x\",\"id\":\"mine\"", "\"title\":\"x\",\"version\":9"};
    private static final String[] BAD_IDS = {"TV-", "TV-99999999999999999999", "{\"$ne\":1}", "..", "%00", "x".repeat(3_000),
            "TV-1;drop", "$where", "a.b", " ", "TV--1", "\u202e"};
    private static final String[] BAD_QUERIES = {"limit=-1", "limit=abc", "limit=99999999999", "limit=501", "offset=-5",
            "states=NOPE", "states=PENDING&states=$ne", "date_from=yesterday", "date_to=2024-13-45", "sort=bogus",
            "order=sideways", "cursor=!!garbage!!", "priorities=URGENT", "states%5B%24ne%5D=x", "tags%5B%24regex%5D=.*",
            "%24where=1", "a.b=1", "updated_from=0"};

    @Autowired
    MockMvc mvc;
    @Autowired
    MongoTemplate mongo;

    @Test
    void malformedRequestsNeverCauseA5xxAndNeverChangeAStoredDocument() throws Exception {
        String key = seed();
        Map<String, List<Stored>> before = snapshot();
        Random random = new Random(20_260_601L);
        List<String> failures = new ArrayList<>();
        List<MockHttpServletRequestBuilder> requests = generate(key, random);
        for (MockHttpServletRequestBuilder request : requests) {
            MvcResult result = mvc.perform(request).andReturn();
            int status = result.getResponse().getStatus();
            String method = result.getRequest().getMethod();
            if (status >= 500 || (!"GET".equals(method) && status < 400)) {
                failures.add(status + " " + method + " " + abbreviate(result.getRequest().getRequestURI()) + " "
                        + abbreviate(result.getRequest().getContentAsString()));
            }
        }
        assertThat(requests).hasSizeGreaterThan(300);
        assertThat(failures).as("requests answered with 5xx, or writes that were accepted").isEmpty();
        assertThat(snapshot()).as("stored documents after the fuzzing").isEqualTo(before);
    }

    private List<MockHttpServletRequestBuilder> generate(String key, Random random) {
        List<MockHttpServletRequestBuilder> all = new ArrayList<>();
        String[] writes = {"/api/tasks", "/api/tasks/" + key + "/transitions", "/api/tasks/" + key + "/notes",
                "/api/tasks/" + key + "/outputs", "/api/tasks/outputs/" + key, "/api/tasks/batch", "/api/graph/edges",
                "/api/tasks/" + key + "/retry"};
        for (String path : writes) {
            for (String body : BAD_JSON) {
                all.add(json(post(path), body));
            }
        }
        for (String field : BAD_FIELDS) {
            all.add(json(post("/api/tasks"), "{" + field + "}"));
            all.add(json(post("/api/tasks/batch"), "[{" + field + "}]".repeat(1)));
            if (!field.contains("notalist")) {
                //why: a lone string where a list is expected is read as a one-item list, a lenient but valid patch
                all.add(json(request(HttpMethod.PATCH, "/api/tasks/" + key), "{" + field.replace("\"title\":\"x\",", "") + "}"));
            }
        }
        String[] transitions = {"{\"to\":\"BOGUS\"}", "{\"to\":5}", "{\"to\":null}", "{}", "{\"to\":\"COMPLETED\"}",
                "{\"to\":\"RUNNING\"}", "{\"to\":\"QUEUED\",\"details\":{\"$where\":1}}", "{\"to\":\"QUEUED\",\"details\":{\"a.b\":1}}",
                "{\"to\":\"QUEUED\",\"reason\":\"" + "r".repeat(20_001) + "\"}", "{\"to\":\"QUEUED\",\"extra\":1}",
                "{\"to\":[\"QUEUED\"]}", "{\"to\":{\"$ne\":\"x\"}}"};
        for (String body : transitions) {
            all.add(json(post("/api/tasks/" + key + "/transitions"), body));
        }
        for (String ifMatch : new String[] {"\"999\"", "abc", "W/\"x\"", "\"" + "9".repeat(40) + "\"", "\"0\""}) {
            all.add(json(post("/api/tasks/" + key + "/transitions"), "{\"to\":\"QUEUED\"}").header("If-Match", ifMatch));
            all.add(json(request(HttpMethod.PATCH, "/api/tasks/" + key), "{\"title\":\"y\"}").header("If-Match", ifMatch));
        }
        for (String note : new String[] {"{\"text\":\"\"}", "{\"text\":[5]}", "{\"text\":\"" + "n".repeat(20_001) + "\"}", "{}",
                "{\"text\":\"x\",\"$where\":1}"}) {
            all.add(json(post("/api/tasks/" + key + "/notes"), note));
        }
        for (String output : new String[] {"{\"type\":\"SHOUT\",\"content\":\"x\"}", "{\"content\":\"x\"}",
                "{\"type\":\"STDOUT\",\"content\":\"x\",\"size\":5}", "{\"type\":[1],\"content\":\"x\"}"}) {
            all.add(json(post("/api/tasks/" + key + "/outputs"), output));
            all.add(json(post("/api/tasks/outputs/" + key), output));
        }
        for (String id : BAD_IDS) {
            all.add(get("/api/tasks/{id}", id));
            all.add(get("/api/tasks/{id}/history", id));
            all.add(get("/api/tasks/outputs/{id}", id));
            all.add(get("/api/tasks/outputs/{id}/{seq}", id, "1"));
            all.add(json(post("/api/tasks/{id}/transitions", id), "{\"to\":\"QUEUED\"}"));
            all.add(json(post("/api/tasks/{id}/notes", id), "{\"text\":\"hello\"}"));
            all.add(post("/api/tasks/{id}/retry", id));
            all.add(post("/api/tasks/{id}/heartbeat", id));
            all.add(json(request(HttpMethod.PATCH, "/api/tasks/{id}", id), "{\"title\":\"x\"}"));
        }
        for (String query : BAD_QUERIES) {
            all.add(get("/api/tasks?" + query));
            all.add(get("/api/tasks/persistent?" + query));
        }
        for (String seq : new String[] {"-1", "abc", "99999999999999999999", "0"}) {
            all.add(get("/api/tasks/" + key + "/outputs/" + seq));
        }
        String[] types = {MediaType.TEXT_PLAIN_VALUE, MediaType.APPLICATION_XML_VALUE, "application/json; charset=ebcdic",
                "multipart/form-data", "application/x-www-form-urlencoded", "garbage/!!"};
        for (String type : types) {
            all.add(post("/api/tasks").contentType(type).content("{\"title\":\"typed\"}"));
            all.add(post("/api/tasks/" + key + "/notes").contentType(type).content("{\"text\":\"typed\"}"));
        }
        all.add(json(post("/api/tasks"), "{\"title\":\"keyed\"}").header("Idempotency-Key", "k".repeat(500)));
        all.add(json(post("/api/tasks"), "{\"title\":\"keyed\",\"externalId\":\"a\"}").header("Idempotency-Key", "b"));
        all.add(json(post("/api/tasks/batch"), "[" + String.join(",", java.util.Collections.nCopies(1_001, "{\"title\":\"x\"}")) + "]"));
        all.add(json(post("/api/tasks"), "{\"title\":\"big\",\"description\":\"" + "b".repeat(5 * 1024 * 1024) + "\"}"));
        for (int i = 0; i < 120; i++) {
            byte[] noise = new byte[1 + random.nextInt(2_000)];
            random.nextBytes(noise);
            all.add(post(writes[random.nextInt(writes.length)]).contentType(MediaType.APPLICATION_JSON).content(noise));
        }
        return all;
    }

    private String seed() throws Exception {
        MvcResult created = mvc.perform(json(post("/api/tasks"), "{\"title\":\"Fuzz target\",\"tags\":[\"fuzz\"]}")).andReturn();
        String key = JsonPath.read(created.getResponse().getContentAsString(), "$.key");
        mvc.perform(json(post("/api/tasks/" + key + "/outputs"), "{\"type\":\"STDOUT\",\"content\":\"seed\"}"));
        return key;
    }

    private Map<String, List<Stored>> snapshot() {
        Map<String, List<Stored>> all = new TreeMap<>();
        for (String name : mongo.getCollectionNames()) {
            if (name.equals("shedLock") || name.equals("ops_reports") || name.equals("store_sessions")) {
                //why: the scheduled jobs' locks and reports (lease recovery runs every minute) and the process's
                //    once-a-minute liveness mark, not requests'
                continue;
            }
            List<Stored> documents = new ArrayList<>();
            mongo.getDb().getCollection(name, RawBsonDocument.class).find().sort(new Document("_id", 1))
                    .forEach(d -> documents.add(new Stored(d.get("_id"), d.getByteBuffer().asNIO())));
            all.put(name, documents);
        }
        return all;
    }

    /**
     * A stored document as its BSON bytes, equal when every byte is.
     * //why: the shared store holds other tests' documents too, a 100 MiB log among them; comparing bytes spares
     * //    writing them all out as JSON twice (a fifth of the sequential tests' samples in a JFR profile)
     */
    private record Stored(BsonValue id, ByteBuffer bson) {
        @Override
        public String toString() {
            return id + " (" + bson.remaining() + " bytes)";
        }
    }

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body.getBytes(StandardCharsets.UTF_8));
    }

    private static String abbreviate(String text) {
        return text.length() > 120 ? text.substring(0, 120) + "…" : text;
    }
}

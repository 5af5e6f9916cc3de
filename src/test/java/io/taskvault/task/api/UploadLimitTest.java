package io.taskvault.task.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.taskvault.support.RunningServerTest;

/** Through a real server (MockMvc does not enforce upload limits): an upload over the limit gets 413 stating it. */
@RunningServerTest
class UploadLimitTest {

    @LocalServerPort
    int port;

    @Test
    void anUploadOverTheLimitIsRefusedWith413StatingTheLimit() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(uri("/api/tasks"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"Uploads\"}")).build(), HttpResponse.BodyHandlers.ofString());
        String key = created.body().replaceAll(".*\"key\":\"(TV-\\d+)\".*", "$1");

        String boundary = "taskvault-boundary";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"type\"\r\n\r\nLOG\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.log\"\r\n"
                + "Content-Type: text/plain\r\n\r\n" + "x".repeat(3_000) + "\r\n--" + boundary + "--\r\n";
        HttpResponse<String> upload = http.send(HttpRequest.newBuilder(uri("/api/tasks/" + key + "/outputs"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(upload.statusCode()).isEqualTo(413);
        assertThat(upload.body()).contains("at most").contains("\"limitBytes\":2048");
        assertThat(upload.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}

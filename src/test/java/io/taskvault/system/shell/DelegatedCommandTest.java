package io.taskvault.system.shell;

import static io.taskvault.support.TaskDrafts.aTask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.shell.core.InputReader;
import org.springframework.test.web.servlet.MockMvc;

import io.taskvault.security.ApiTokens;
import io.taskvault.security.Role;
import io.taskvault.store.StoreProperties;
import io.taskvault.support.RunningServerTest;
import io.taskvault.task.Task;
import io.taskvault.task.TaskService;

/**
 * The launcher script against a running server: a command handed over answers as it would in a process of its own,
 * and only the launcher (with the secret beside the data file) or an ADMIN token may hand commands over.
 */
@RunningServerTest
class DelegatedCommandTest {

    private static final String RUN = "/api/shell/run";

    @Autowired
    ShellRunner runner;
    @Autowired
    TaskService tasks;
    @Autowired
    ShellSessions sessions;
    @Autowired
    StoreProperties store;
    @Autowired
    MockMvc mvc;
    @Autowired
    ApiTokens apiTokens;

    @Test
    void aDelegatedCommandAnswersAsTheSameCommandInItsOwnProcess() throws Exception {
        Task task = tasks.create(aTask().titled("Delegated task").build(), "test");

        for (String[] command : List.of(
                new String[] {"show", task.getKey()},
                new String[] {"complete", task.getKey()},
                new String[] {"show", "TV-987654"},
                new String[] {"list", "--state", "NOPE"},
                new String[] {"cancel", task.getKey()})) {
            Outcome inProcess = inProcess(command);
            Outcome delegated = launcher(command);
            assertThat(delegated.withoutAges()).as(String.join(" ", command)).isEqualTo(inProcess.withoutAges());
        }
        assertThat(launcher("show", task.getKey()).exitCode()).isZero();
        assertThat(launcher("complete", task.getKey()).exitCode()).isEqualTo(ShellFailure.CONFLICT);
        assertThat(launcher("show", "TV-987654").exitCode()).isEqualTo(ShellFailure.NOT_FOUND);
        assertThat(launcher("list", "--state", "NOPE").exitCode()).isEqualTo(ShellFailure.USAGE);
        assertThat(launcher("cancel", task.getKey()).err()).contains("add --yes to confirm");
    }

    @Test
    void aDelegatedCommandIsRecordedAsAOneCommandSession() throws Exception {
        Task task = tasks.create(aTask().titled("Recorded when delegated").build(), "test");

        assertThat(launcher("queue", task.getKey()).exitCode()).isZero();

        //why: the launcher has its answer before the session record is written
        ShellSession recorded = await().atMost(Duration.ofSeconds(10)).until(() -> sessions.recent(20).stream()
                .filter(s -> s.commands().stream().anyMatch(c -> c.text().equals("queue " + task.getKey())))
                .findFirst(), Optional::isPresent).orElseThrow();
        assertThat(recorded.mode()).isEqualTo("command");
        assertThat(recorded.commands()).singleElement().satisfies(c -> assertThat(c.exitStatus()).isZero());
        assertThat(launcher("sessions", recorded.id().substring(0, 8)).out()).contains("queue " + task.getKey());
    }

    @Test
    void aQuestionIsSentBackToBeAskedAndTheAnswerDecides() throws Exception {
        Task task = tasks.create(aTask().titled("Asked first").build(), "test");
        String command = "{\"args\":[\"cancel\",\"" + task.getKey() + "\"],\"width\":80,\"colour\":false,\"terminal\":true";

        HttpResponse<String> asked = send(command + ",\"answers\":[]}", secret(), null);
        assertThat(asked.headers().firstValue(DelegatedCommandController.CONFIRM)).hasValue("true");
        assertThat(asked.body()).startsWith("cancel " + task.getKey());
        assertThat(tasks.get(task.getKey()).getState()).isEqualTo(task.getState());

        HttpResponse<String> confirmed = send(command + ",\"answers\":[\"y\"]}", secret(), null);
        assertThat(confirmed.headers().firstValue(DelegatedCommandController.EXIT)).hasValue("0");
        assertThat(tasks.get(task.getKey()).getState()).hasToString("CANCELLED");
    }

    @Test
    void onlyTheLauncherWithTheSecretOrAnAdminTokenMayRunCommands() throws Exception {
        String list = "{\"args\":[\"list\"],\"width\":0,\"colour\":false,\"terminal\":false,\"answers\":[]}";

        assertThat(send(list, secret(), null).statusCode()).isEqualTo(200);
        assertThat(send(list, null, null).statusCode()).as("loopback alone").isEqualTo(403);
        assertThat(send(list, "not-the-secret", null).statusCode()).isEqualTo(401);
        assertThat(send(list, secret(), "https://evil.example").statusCode()).as("another origin").isEqualTo(403);
        mvc.perform(post(RUN).contentType(MediaType.APPLICATION_JSON).content(list).with(request -> {
            request.setRemoteAddr("10.1.2.3");
            return request;
        })).andExpect(status().isUnauthorized());
    }

    @Test
    void aRequestFromAnotherOriginIsRefusedWithoutOpeningASession() throws Exception {
        String list = "{\"args\":[\"list\"],\"width\":0,\"colour\":false,\"terminal\":false,\"answers\":[]}";

        HttpResponse<String> refused = send(list, secret(), "https://evil.example");

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("CSRF");
        assertThat(refused.headers().allValues("Set-Cookie")).as("a session cookie").isEmpty();
    }

    @Test
    void anAdminTokenMayRunCommandsAndASmallerRoleMayNot() throws Exception {
        String list = "{\"args\":[\"list\",\"--limit\",\"1\"]}";
        String admin = apiTokens.create("delegated-admin-" + System.nanoTime(), Role.ADMIN).secret();
        String operator = apiTokens.create("delegated-operator-" + System.nanoTime(), Role.OPERATOR).secret();

        HttpResponse<String> asAdmin = sendWithToken(list, admin);
        assertThat(asAdmin.statusCode()).isEqualTo(200);
        assertThat(asAdmin.headers().firstValue(DelegatedCommandController.EXIT)).hasValue("0");
        assertThat(sendWithToken(list, operator).statusCode()).isEqualTo(403);
        assertThat(sendWithToken(list, "tv_not-a-token").statusCode()).isEqualTo(401);
    }

    @Test
    void aBadBodyIsRefusedNamingItsFields() throws Exception {
        HttpResponse<String> refused = send("{\"args\":[\"list\"],\"colours\":true,\"width\":-1}", secret(), null);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("colours: is not a field here").contains("width: -1 is negative");
    }

    @Test
    void theSecretFileIsReadableOnlyByItsOwner() throws Exception {
        assertThat(Files.getPosixFilePermissions(secretFile()))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    private Outcome inProcess(String... command) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = runner.runOnce(command, new PrintWriter(out), new PrintWriter(err), new InputReader() { }, () -> false);
        return new Outcome(code, out.toString(), err.toString());
    }

    private Outcome launcher(String... command) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(List.of("bash", "taskvault"));
        argv.addAll(List.of(command));
        ProcessBuilder builder = new ProcessBuilder(argv).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().put("TASKVAULT_STORE_PATH", store.path().toAbsolutePath().toString());
        builder.environment().remove("NO_COLOR");
        Path err = Files.createTempFile("taskvault-launcher", ".err");
        builder.redirectError(err.toFile());
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String errors = Files.readString(err);
        Files.delete(err);
        return new Outcome(process.exitValue(), out, errors);
    }

    private HttpResponse<String> send(String json, String secret, String origin) throws Exception {
        String[] address = Files.readString(secretFile()).trim().split(" ");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(address[0] + RUN))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (secret != null) {
            request.header("X-Taskvault-Cli", secret);
        }
        if (origin != null) {
            request.header("Origin", origin);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> sendWithToken(String json, String token) throws Exception {
        String[] address = Files.readString(secretFile()).trim().split(" ");
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(address[0] + RUN))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String secret() throws IOException {
        return Files.readString(secretFile()).trim().split(" ")[1];
    }

    private Path secretFile() {
        return store.path().resolveSibling(store.path().getFileName() + ".http");
    }

    record Outcome(int exitCode, String out, String err) {

        //why: the two runs of a command are seconds apart on a busy machine, so "3s ago" may read "8s ago" the second time
        Outcome withoutAges() {
            return new Outcome(exitCode, out.replaceAll("\\d+s ago", "Ns ago"), err);
        }
    }
}

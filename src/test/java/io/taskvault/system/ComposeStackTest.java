package io.taskvault.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.core.env.StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.web.context.support.StandardServletEnvironment;

import io.taskvault.TaskvaultApplication;
import io.taskvault.security.UnprotectedExposureException;

/**
 * taskvault started with exactly the environment docker-compose.yml (and the Dockerfile's ENV) give the
 * {@code taskvault} service, its .env filled in as the README tells the operator; only the MongoDB URI is swapped
 * for a scratch embedded store (no Docker here) and the port for a free one. So the compose file and the code
 * cannot drift apart.
 */
@ExtendWith(OutputCaptureExtension.class)
class ComposeStackTest {

    private static final Path COMPOSE = Path.of("docker-compose.yml");
    private static final Path DOCKERFILE = Path.of("Dockerfile");
    private static final Path ENV_EXAMPLE = Path.of(".env.example");
    private static final Path README = Path.of("README.md");
    private static final String ADMIN_NAME = "TASKVAULT_SECURITY_ADMIN_NAME";
    private static final String ADMIN_PASSWORD = "TASKVAULT_SECURITY_ADMIN_PASSWORD";
    /** What an operator writes into .env: one value for every variable .env.example lists. */
    private static final Map<String, String> OPERATOR_ENV = Map.of(ADMIN_NAME, "ada",
            ADMIN_PASSWORD, "correct horse battery staple");
    private static final String TEST_PORT = "test-free-port";

    @TempDir
    Path folder;

    private ComposeFile compose;

    @BeforeEach
    void readComposeFile() throws IOException {
        compose = ComposeFile.read(COMPOSE, DOCKERFILE);
        assertThat(ComposeFile.dotEnv(ENV_EXAMPLE)).as(".env.example lists what the operator sets, all left empty")
                .containsOnlyKeys(OPERATOR_ENV.keySet()).allSatisfy((name, value) -> assertThat(value).isEmpty());
    }

    @Test
    void theStackStartsAndTheFirstAdminSignsIn(CapturedOutput output) throws Exception {
        Map<String, String> environment = containerEnvironment(OPERATOR_ENV);
        try (ConfigurableApplicationContext app = start(environment)) {
            assertThat(app.getEnvironment().getProperty("server.address")).isEqualTo("0.0.0.0");
            String base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
            HttpClient browser = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();

            HttpResponse<String> ready = browser.send(get(healthCheckUrl(base)), HttpResponse.BodyHandlers.ofString());
            assertThat(ready.statusCode()).as("the compose health check's request, without a login").isEqualTo(200);
            assertThat(ready.body()).contains("\"status\":\"UP\"");
            assertThat(send(browser, get(base + "/api/tasks")).statusCode()).as("no login on 0.0.0.0").isEqualTo(401);
            assertThat(send(browser, get(base + "/actuator/health")).statusCode()).as("health details").isEqualTo(401);

            assertThat(signIn(browser, base, "ada", "not the password")).endsWith("/login?error");
            assertThat(signIn(browser, base, "ada", "correct horse battery staple")).doesNotContain("error");
            HttpResponse<String> tasks = send(browser, get(base + "/api/tasks"));
            assertThat(tasks.statusCode()).isEqualTo(200);
            assertThat(send(browser, get(base + "/")).statusCode()).as("the dashboard").isEqualTo(200);
            assertThat(configuredPort(app)).as("the port the compose file publishes and checks").isEqualTo(containerPort());
        }
        assertThat(output).as("the password is never logged").doesNotContain(OPERATOR_ENV.get(ADMIN_PASSWORD));
    }

    @Test
    void withoutTheAdminVariablesTheAppRefusesToStartAndNamesThem(CapturedOutput output) throws IOException {
        Map<String, String> environment = containerEnvironment(OPERATOR_ENV);
        environment.remove(ADMIN_NAME);
        environment.remove(ADMIN_PASSWORD);
        assertThatThrownBy(() -> start(environment).close()).hasRootCauseInstanceOf(UnprotectedExposureException.class);
        assertThat(output).contains("APPLICATION FAILED TO START", "0.0.0.0", ADMIN_NAME, ADMIN_PASSWORD, ".env.example");
    }

    @Test
    void composeItselfRefusesToStartUntilEachVariableIsInTheEnvFile() {
        for (String variable : OPERATOR_ENV.keySet()) {
            Map<String, String> incomplete = new HashMap<>(OPERATOR_ENV);
            incomplete.put(variable, "");
            assertThatThrownBy(() -> compose.environment("taskvault", incomplete))
                    .hasMessageContaining("required variable " + variable + " is missing a value")
                    .hasMessageContaining(".env.example");
        }
    }

    @Test
    void theReadmeTellsTheOperatorHowToFillTheEnvFile() throws IOException {
        String readme = Files.readString(README);
        assertThat(readme).contains("cp .env.example .env", "docker compose up", "http://localhost:" + containerPort());
        assertThat(readme).contains(OPERATOR_ENV.keySet());
    }

    @Test
    void theAppWaitsForMongoDbsReplicaSet() {
        assertThat(compose.service("taskvault")).extractingByKey("depends_on")
                .isEqualTo(Map.of("mongo", Map.of("condition", "service_healthy")));
        assertThat(compose.service("mongo")).containsKey("healthcheck");
    }

    /** The container's environment with the MongoDB URI replaced by a scratch embedded store. */
    private Map<String, String> containerEnvironment(Map<String, String> dotEnv) {
        Map<String, String> environment = new LinkedHashMap<>(compose.environment("taskvault", dotEnv));
        assertThat(environment.remove("SPRING_DATA_MONGODB_URI"))
                .startsWith("mongodb://mongo:27017/").contains("replicaSet=rs0");
        environment.put("TASKVAULT_STORE_PATH", folder.resolve("taskvault.mv").toString());
        environment.put("TASKVAULT_STORE_CACHE_SIZE_MB", "32");
        return environment;
    }

    private ConfigurableApplicationContext start(Map<String, String> containerEnvironment) {
        StandardServletEnvironment environment = new StandardServletEnvironment();
        //why: named like the process environment so Spring reads SERVER_ADDRESS and the like as it does in the container
        environment.getPropertySources().addBefore(SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new SystemEnvironmentPropertySource(
                "compose-" + SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new HashMap<>(containerEnvironment)));
        //why: the container's 8080 may be taken on a shared machine
        environment.getPropertySources().addFirst(new MapPropertySource(TEST_PORT, Map.of("server.port", "0")));
        return new SpringApplicationBuilder(TaskvaultApplication.class).environment(environment).run();
    }

    private static int configuredPort(ConfigurableApplicationContext app) {
        app.getEnvironment().getPropertySources().remove(TEST_PORT);
        return app.getEnvironment().getRequiredProperty("server.port", Integer.class);
    }

    private int containerPort() {
        List<?> ports = (List<?>) compose.service("taskvault").get("ports");
        String mapping = ports.get(0).toString();
        int port = Integer.parseInt(mapping.substring(mapping.lastIndexOf(':') + 1));
        assertThat(healthCheckUrl("http://127.0.0.1:" + port)).as("the health check asks the published port")
                .startsWith("http://127.0.0.1:" + port + "/");
        return port;
    }

    /** The URL the compose health check asks, pointed at {@code base}'s port. */
    private String healthCheckUrl(String base) {
        Map<?, ?> healthCheck = (Map<?, ?>) compose.service("taskvault").get("healthcheck");
        String url = ((List<?>) healthCheck.get("test")).stream().map(Object::toString)
                .filter(argument -> argument.startsWith("http://")).findFirst().orElseThrow();
        assertThat(url).startsWith("http://127.0.0.1:").endsWith("/actuator/health/readiness");
        return base + url.substring(url.indexOf('/', "http://".length()));
    }

    /** Signs in through the login form, as a browser does; answers where the form sent it. */
    private static String signIn(HttpClient browser, String base, String name, String password) throws Exception {
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(send(browser, get(base + "/login")).body());
        assertThat(csrf.find()).as("the login form carries a CSRF token").isTrue();
        String form = "username=" + encode(name) + "&password=" + encode(password) + "&_csrf=" + encode(csrf.group(1));
        HttpResponse<String> answer = send(browser, HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        assertThat(answer.statusCode()).isEqualTo(302);
        return answer.headers().firstValue("Location").orElseThrow();
    }

    private static HttpRequest get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).GET().build();
    }

    private static HttpResponse<String> send(HttpClient browser, HttpRequest request) throws Exception {
        return browser.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

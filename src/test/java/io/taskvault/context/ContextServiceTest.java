package io.taskvault.context;

import static io.taskvault.support.TaskDrafts.aTask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.taskvault.support.EmbeddedStoreTest;
import io.taskvault.task.InvalidTaskException;
import io.taskvault.task.Task;
import io.taskvault.task.TaskService;

/** Each context kind's round trip through the service, the GridFS path for big bodies, and bad input. */
@EmbeddedStoreTest
class ContextServiceTest {

    @Autowired
    TaskService tasks;
    @Autowired
    ContextService context;
    @Autowired
    PromptContextService prompts;

    @Test
    void keepsRequirementContextWithItsTypeAndFreeFormContent() {
        Task task = task();
        RequirementContext added = context.add(task.getKey(), RequirementContext.of("functional",
                Map.of("features", List.of("login", "logout"), "notes", "JWT based"), "spec.md"));

        assertThat(added.id()).isEqualTo(task.getId() + ":1");
        RequirementContext read = context.get(task.getKey(), RequirementContext.class, 1);
        assertThat(read).isEqualTo(added);
        assertThat(read.content()).containsEntry("features", List.of("login", "logout"));
        assertThat(read.schemaVersion()).isEqualTo(RequirementContext.SCHEMA_VERSION);
    }

    @Test
    void keepsCodebaseContextAndListsNewestFirst() {
        Task task = task();
        context.add(task.getKey(), CodebaseContext.of("git@example.com:app.git", "abc123", List.of("auth/Login.java"), List.of("Login#submit")));
        context.add(task.getKey(), CodebaseContext.of("git@example.com:app.git", "def456", List.of("auth/Token.java"), List.of()));

        List<CodebaseContext> listed = context.list(task.getKey(), CodebaseContext.class, 10);
        assertThat(listed).extracting(CodebaseContext::commit).containsExactly("def456", "abc123");
        assertThat(listed.get(1).symbols()).containsExactly("Login#submit");
        assertThat(context.list(task.getKey(), CodebaseContext.class, 1)).hasSize(1);
    }

    @Test
    void keepsAiInteractionsWithSmallBodiesInline() {
        Task task = task();
        AiInteraction added = context.add(task.getKey(),
                AiInteraction.of("codegen", "prompt", "Write the login view", "class LoginView {}", 1234, 900, true, "session-1"));

        AiInteraction read = context.get(task.getKey(), AiInteraction.class, added.seq());
        assertThat(read.request()).isEqualTo("Write the login view");
        assertThat(read.requestBodyId()).isNull();
        assertThat(read.tokens()).isEqualTo(1234);
        assertThat(read.durationMs()).isEqualTo(900);
        assertThat(read.sessionId()).isEqualTo("session-1");
        assertThat(read.success()).isTrue();
    }

    @Test
    void movesAiBodiesAboveTheInlineCapToGridFsAndStreamsThemBack() {
        Task task = task();
        String big = "x".repeat(300 * 1024) + "end";
        AiInteraction added = context.add(task.getKey(), AiInteraction.of("codegen", "prompt", big, "ok", 10, 5, true, "s"));

        AiInteraction read = context.get(task.getKey(), AiInteraction.class, added.seq());
        assertThat(read.request()).isNull();
        assertThat(read.requestBodyId()).isNotNull();
        assertThat(read.requestSize()).isEqualTo(big.length());
        assertThat(context.body(read, true)).isEqualTo(big);
        assertThat(context.bodyHead(read, true, 10)).isEqualTo("xxxxxxxxxx");
        assertThat(read.response()).isEqualTo("ok");
    }

    @Test
    void keepsValidationResultsAndPerformanceMetrics() {
        Task task = task();
        context.add(task.getKey(), ValidationResult.of("security", "bandit", ValidationStatus.FAILED, 42.5,
                Map.of("issues", 3), List.of("Sanitize input")));
        Instant at = Instant.parse("2026-01-02T03:04:05Z");
        context.add(task.getKey(), new PerformanceMetric(null, null, 0, "build.time", 12.5, "s", at, 0));

        ValidationResult validation = context.get(task.getKey(), ValidationResult.class, 1);
        assertThat(validation.status()).isEqualTo(ValidationStatus.FAILED);
        assertThat(validation.score()).isEqualTo(42.5);
        assertThat(validation.details()).containsEntry("issues", 3);
        assertThat(validation.suggestionLines()).containsExactly("Sanitize input");
        PerformanceMetric metric = context.get(task.getKey(), PerformanceMetric.class, 1);
        assertThat(metric.value()).isEqualTo(12.5);
        assertThat(metric.unit()).isEqualTo("s");
        assertThat(metric.at()).isEqualTo(at);
    }

    @Test
    void refusesIncompleteRecordsNamingEachField() {
        Task task = task();
        assertThatThrownBy(() -> context.add(task.getKey(), ValidationResult.of(null, "eslint", null, 140.0, null, null)))
                .isInstanceOfSatisfying(InvalidTaskException.class, e -> assertThat(e.errors())
                        .containsKeys("type", "status", "score"));
        assertThatThrownBy(() -> context.get(task.getKey(), PerformanceMetric.class, 7))
                .isInstanceOf(ContextRecordNotFoundException.class).hasMessageContaining("no metrics record #7");
    }

    @Test
    void redactsSecretsFromEveryKindOfRecordBeforeStoringThem() {
        Task task = task();
        String token = "ghp_" + "Z9y8X7w6V5".repeat(4);
        String jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U";
        AiInteraction ai = context.add(task.getKey(), AiInteraction.of("codegen", "prompt", "use " + token,
                "Authorization: Bearer " + jwt, 1, 1, true, "s-" + token));
        RequirementContext requirement = context.add(task.getKey(), RequirementContext.of("functional",
                Map.of("db", "postgres://app:Hunter2Secret@db/app", token, List.of("password=" + "p4ssw0rd!")), "spec"));
        CodebaseContext code = context.add(task.getKey(), CodebaseContext.of("https://deploy:Hunter2Secret@git/x.git",
                "abc123", List.of("src/" + token), List.of()));
        ValidationResult validation = context.add(task.getKey(), ValidationResult.of("security", "scanner",
                ValidationStatus.FAILED, 1.0, Map.of("found", "npm_" + "a1B2c3D4e5".repeat(3) + "f6G7h8"),
                List.of("rotate " + token)));

        assertThat(context.body(context.get(task.getKey(), AiInteraction.class, ai.seq()), true))
                .isEqualTo("use [REDACTED:github-token]");
        assertThat(ai.response()).isEqualTo("Authorization: Bearer [REDACTED:jwt]");
        assertThat(requirement.content()).containsEntry("db", "postgres://app:[REDACTED:url-password]@db/app")
                .containsKey("[REDACTED:github-token]");
        assertThat(code.repository()).isEqualTo("https://deploy:[REDACTED:url-password]@git/x.git");
        assertThat(validation.suggestionLines()).containsExactly("rotate [REDACTED:github-token]");
        String stored = String.join("\n", context.get(task.getKey(), AiInteraction.class, ai.seq()).toString(),
                context.get(task.getKey(), RequirementContext.class, requirement.seq()).toString(),
                context.get(task.getKey(), CodebaseContext.class, code.seq()).toString(),
                context.get(task.getKey(), ValidationResult.class, validation.seq()).toString());
        assertThat(stored).doesNotContain(token, jwt, "Hunter2Secret", "p4ssw0rd", "a1B2c3D4e5");
        assertThat(prompts.assemble(task.getKey(), 20_000).toString()).doesNotContain(token, jwt, "Hunter2Secret");
    }

    @Test
    void keepsAiBodiesAndSuggestionsGivenAsObjectsAsObjectsWithTheirSecretsRedacted() {
        Task task = task();
        String token = "ghp_" + "Q1w2E3r4T5".repeat(4);
        AiInteraction ai = context.add(task.getKey(), AiInteraction.of("codegen", "prompt",
                Map.of("prompt", "Generate authentication views", "context", "Django REST API", token, "key " + token),
                Map.of("code", "class LoginView(APIView): ...", "explanation", List.of("Secure", "login")),
                1200, 900, true, "session-123"));
        ValidationResult validation = context.add(task.getKey(), ValidationResult.of("security", "bandit",
                ValidationStatus.PASSED, 8.5, Map.of("warnings", 2),
                Map.of("improvements", List.of("Add input sanitization", "Rotate " + token))));

        AiInteraction read = context.get(task.getKey(), AiInteraction.class, ai.seq());
        assertThat(read.request()).isInstanceOfSatisfying(Map.class, request -> assertThat(request)
                .containsEntry("prompt", "Generate authentication views")
                .containsEntry("[REDACTED:github-token]", "key [REDACTED:github-token]"));
        assertThat(read.response()).isInstanceOfSatisfying(Map.class, response -> assertThat(response)
                .containsEntry("explanation", List.of("Secure", "login")));
        assertThat(context.body(read, false)).contains("\"code\"", "LoginView");
        ValidationResult readValidation = context.get(task.getKey(), ValidationResult.class, validation.seq());
        assertThat(readValidation.suggestions()).isInstanceOfSatisfying(Map.class, suggestions -> assertThat(suggestions)
                .containsEntry("improvements", List.of("Add input sanitization", "Rotate [REDACTED:github-token]")));
        assertThat(readValidation.suggestionLines()).contains("improvements: Add input sanitization");
        assertThat(read.toString() + readValidation).doesNotContain(token);
    }

    @Test
    void refusesBodiesAndSuggestionsThatAreNeitherTextNorObjects() {
        Task task = task();
        assertThatThrownBy(() -> context.add(task.getKey(), AiInteraction.of("codegen", "prompt", List.of("a"), 42, 1, 1,
                true, "s")))
                .isInstanceOfSatisfying(InvalidTaskException.class, e -> assertThat(e.errors())
                        .containsEntry("request", "must be text or a JSON object")
                        .containsEntry("response", "must be text or a JSON object"));
        assertThatThrownBy(() -> context.add(task.getKey(), ValidationResult.of("lint", "eslint", ValidationStatus.PASSED,
                null, Map.of(), "just one")))
                .isInstanceOfSatisfying(InvalidTaskException.class, e -> assertThat(e.errors())
                        .containsKey("suggestions"));
    }

    @Test
    void refusesContentNestedDeeperThanEightLevelsInListsAsInObjects() {
        Task task = task();
        Object deep = "leaf";
        for (int i = 0; i < 9; i++) {
            deep = List.of(deep);
        }
        Map<String, Object> content = Map.of("deep", deep);
        assertThatThrownBy(() -> context.add(task.getKey(), RequirementContext.of("functional", content, null)))
                .isInstanceOf(InvalidTaskException.class).hasMessageContaining("nested deeper than 8");
    }

    private Task task() {
        return tasks.create(aTask().build(), "test");
    }
}

package io.taskvault.context;

import static io.taskvault.support.TaskDrafts.aTask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;

import io.taskvault.graph.DependencyGraph;
import io.taskvault.graph.EdgeType;
import io.taskvault.support.EmbeddedStoreTest;
import io.taskvault.task.InvalidTaskException;
import io.taskvault.task.Priority;
import io.taskvault.task.Task;
import io.taskvault.task.TaskDraft;
import io.taskvault.task.TaskService;
import io.taskvault.task.TaskState;
import io.taskvault.task.output.OutputDraft;
import io.taskvault.task.output.OutputType;

import tools.jackson.databind.json.JsonMapper;

/** The prompt context: what it gathers for a task with three dependencies, and how it trims to a budget. */
@EmbeddedStoreTest
class PromptContextTest {

    @Autowired
    TaskService tasks;
    @Autowired
    DependencyGraph graph;
    @Autowired
    ContextService context;
    @Autowired
    PromptContextService prompts;
    @Autowired
    JsonMapper json;

    @Test
    void gathersTheTaskItsCriteriaDependencyResultsValidationAndInteractions() throws IOException {
        Task login = loginTaskWithThreeCompletedDependencies();

        String markdown = prompts.export(login.getKey(), 24_000, "markdown");
        Files.writeString(Path.of("target/prompt-context.md"), markdown);

        assertThat(markdown).startsWith("# " + login.getKey() + ": Add rate-limited login with refresh tokens")
                .contains("## Acceptance criteria", "- security: passwords hashed with bcrypt",
                        "## Requirements", "(functional) flows: login, logout, refresh",
                        "## Dependencies", "Applied migration V12__create_sessions.sql", "TokenService.issue",
                        "Note: limiter is configured per (ip, username)",
                        "## Latest validation feedback", "FAILED tests by junit", "Suggestion: Return 429",
                        "## Failures", "timeout after 120 s", "## Recent AI interactions", "## Codebase",
                        "auth/LoginController.java")
                .doesNotContain("Trimmed to");
        assertThat(markdown.indexOf("## Acceptance criteria")).isLessThan(markdown.indexOf("## Dependencies"));
    }

    @Test
    void trimsToTheBudgetKeepingCriteriaAndFailingValidationsOverOldInteractions() {
        Task login = loginTaskWithThreeCompletedDependencies();
        for (int i = 0; i < 15; i++) {
            context.add(login.getKey(), AiInteraction.of("codegen", "prompt", "attempt " + i + " " + "context ".repeat(200),
                    "answer " + i + " " + "code ".repeat(300), 900, 2_000, true, "s-" + i));
        }

        PromptContext prompt = prompts.assemble(login.getKey(), 3_000);
        String markdown = prompt.toMarkdown();

        assertThat(markdown.length()).isLessThanOrEqualTo(3_000).isEqualTo(prompt.usedChars());
        assertThat(prompt.estimatedTokens()).isEqualTo((markdown.length() + 3) / 4);
        assertThat(markdown).contains("passwords hashed with bcrypt", "FAILED tests by junit", "Trimmed to 3000 characters")
                .doesNotContain("attempt 0 ");
        assertThat(prompt.trimmed()).isNotEmpty();
    }

    @Test
    void takesABudgetInTokensAndExportsJson() {
        Task login = loginTaskWithThreeCompletedDependencies();

        assertThat(prompts.budget(null, 1_000)).isEqualTo(4_000);
        String exported = prompts.export(login.getKey(), prompts.budget(null, 1_000), "json");
        PromptContext read = json.readValue(exported, PromptContext.class);
        assertThat(read.taskKey()).isEqualTo(login.getKey());
        assertThat(read.usedChars()).isLessThanOrEqualTo(4_000);
        assertThat(read.sections()).extracting(PromptContext.Section::title).startsWith("Task", "Acceptance criteria");
        assertThatThrownBy(() -> prompts.budget(100, null)).isInstanceOf(InvalidTaskException.class)
                .hasMessageContaining("between 500 and");
        assertThatThrownBy(() -> prompts.export(login.getKey(), 4_000, "yaml")).hasMessageContaining("use markdown or json");
    }

    /** A real-looking task: login with refresh tokens, waiting on a migration, a token service and a rate limiter. */
    private Task loginTaskWithThreeCompletedDependencies() {
        Task schema = dependency("Create the sessions table", "schema-migration-output.txt", null);
        Task tokens = dependency("Token service with refresh rotation", "token-service-output.txt", null);
        Task limiter = dependency("Login rate limiter", "rate-limiter-output.txt", "limiter is configured per (ip, username)");
        Task login = tasks.create(TaskDraft.builder("Add rate-limited login with refresh tokens")
                .description("POST /api/login issues an access token and a refresh token; failed attempts are rate limited.")
                .role("backend").priority(Priority.HIGH).tags(List.of("auth", "api")).ai("claude", "sonnet")
                .repository("git@example.com:shop/app.git", "feature/login", "main")
                .requirements(Map.of("api", "POST /api/login, POST /api/token/refresh"))
                .acceptanceCriteria(Map.of("security", "passwords hashed with bcrypt",
                        "limits", "6th failed attempt in 15 min gets 429",
                        "tests", "integration tests for login, refresh and lock-out"))
                .affectedFiles(List.of("auth/LoginController.java")).complexityScore(6)
                .groups("STORY-7", "EPIC-2", "developer").build(), "test");
        for (Task dependency : List.of(schema, tokens, limiter)) {
            graph.addEdge(dependency.getKey(), EdgeType.BLOCKS, login.getKey(), "test");
        }
        assertThat(tasks.get(login.getKey()).getState()).isEqualTo(TaskState.PENDING);
        context.add(login.getKey(), RequirementContext.of("functional", Map.of("flows", List.of("login", "logout", "refresh")), "PRD-12"));
        context.add(login.getKey(), CodebaseContext.of("git@example.com:shop/app.git", "9f2c1e7",
                List.of("auth/LoginController.java", "auth/SecurityConfig.java"), List.of("LoginController#login")));
        context.add(login.getKey(), ValidationResult.of("tests", "junit", ValidationStatus.FAILED, 71.0,
                Map.of("failed", List.of("LoginIT.lockout")), List.of("Return 429 with Retry-After on the 6th attempt")));
        context.add(login.getKey(), ValidationResult.of("lint", "checkstyle", ValidationStatus.PASSED, 100.0, Map.of(), List.of()));
        context.add(login.getKey(), AiInteraction.of("codegen", "prompt", "Implement LoginController using TokenService",
                "Added LoginController with /api/login", 5_400, 41_000, true, "sess-1"));
        context.add(login.getKey(), AiInteraction.of("codegen", "prompt", "Add the lock-out after 5 attempts",
                "", 1_200, 120_000, false, "sess-2").failedWith("timeout after 120 s"));
        return login;
    }

    private Task dependency(String title, String fixture, String note) {
        Task task = tasks.create(aTask().titled(title).build(), "test");
        tasks.transition(task.getKey(), TaskState.QUEUED, "test", "picked");
        tasks.transition(task.getKey(), TaskState.RUNNING, "test", "started");
        tasks.appendOutput(task.getKey(), new OutputDraft(OutputType.STDOUT, () -> new ByteArrayInputStream(read(fixture)),
                null, null, null, null), "agent");
        if (note != null) {
            tasks.addNote(task.getKey(), note, "agent");
        }
        return tasks.transition(task.getKey(), TaskState.COMPLETED, "test", "done");
    }

    private static byte[] read(String fixture) {
        try {
            return new ClassPathResource("context/" + fixture).getContentAsString(StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

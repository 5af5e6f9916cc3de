package io.taskvault.context;

import static io.taskvault.support.TaskDrafts.aTask;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.taskvault.support.EmbeddedStoreTest;
import io.taskvault.task.Task;
import io.taskvault.task.TaskDraft;
import io.taskvault.task.TaskService;

/** The context health score and the reasons it gives for each point it takes off. */
@EmbeddedStoreTest
class ContextHealthTest {

    @Autowired
    TaskService tasks;
    @Autowired
    ContextService context;
    @Autowired
    PromptContextService prompts;

    @Test
    void givesAFullScoreToAWellDescribedTaskWithFreshContext() {
        Task task = tasks.create(aTask().build(), "test");
        context.add(task.getKey(), RequirementContext.of("functional", Map.of("flow", "login"), null));

        ContextHealth health = prompts.health(task.getKey());

        assertThat(health.score()).isEqualTo(100);
        assertThat(health.reasons()).isEmpty();
    }

    @Test
    void namesMissingCriteriaRequirementsCodebaseAndContext() {
        Task bare = tasks.create(TaskDraft.titled("Do something"), "test");

        ContextHealth health = prompts.health(bare.getKey());

        assertThat(health.reasons()).extracting(ContextHealth.Reason::code).containsExactly(
                "missing-acceptance-criteria", "no-requirements", "stale-context", "no-codebase-context");
        assertThat(health.score()).isEqualTo(100 - 25 - 20 - 15 - 10);
        assertThat(health.reasons().get(0).message()).startsWith("missing acceptance criteria");
    }

    @Test
    void takesAcceptanceRequirementContextAsAcceptanceCriteria() {
        Task task = tasks.create(TaskDraft.titled("Keep the return URL"), "test");
        context.add(task.getKey(), RequirementContext.of("Acceptance", Map.of("text", "login keeps the return URL"), null));

        ContextHealth health = prompts.health(task.getKey());

        assertThat(health.reasons()).extracting(ContextHealth.Reason::code)
                .doesNotContain("missing-acceptance-criteria", "no-requirements");
    }

    @Test
    void countsFailingValidationsByTheirLatestVerdictAndFlagsStaleContext() {
        Task task = tasks.create(aTask().build(), "test");
        Instant monthAgo = Instant.now().minus(Duration.ofDays(30));
        context.add(task.getKey(), validation("tests", "junit", ValidationStatus.FAILED, monthAgo));
        context.add(task.getKey(), validation("security", "bandit", ValidationStatus.ERROR, monthAgo));
        context.add(task.getKey(), validation("lint", "eslint", ValidationStatus.FAILED, monthAgo.minusSeconds(60)));
        context.add(task.getKey(), validation("lint", "eslint", ValidationStatus.PASSED, monthAgo));

        ContextHealth health = prompts.health(task.getKey());

        ContextHealth.Reason failing = health.reasons().stream().filter(r -> r.code().equals("failing-validations")).findFirst().orElseThrow();
        assertThat(failing.message()).contains("junit tests FAILED", "bandit security ERROR").doesNotContain("eslint");
        assertThat(failing.penalty()).isEqualTo(30);
        assertThat(health.reasons()).extracting(ContextHealth.Reason::message)
                .anyMatch(m -> m.startsWith("stale context: the newest record is 30 days old"));
        assertThat(health.score()).isEqualTo(100 - 30 - 15);
    }

    private static ValidationResult validation(String type, String validator, ValidationStatus status, Instant at) {
        return new ValidationResult(null, null, 0, type, validator, status, null, Map.of(), List.of(), at, 0);
    }
}

package io.taskvault.context;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.cache.annotation.Cacheable;
import org.springframework.stereotype.Service;

import io.taskvault.store.StoreVersionKeys;
import io.taskvault.task.InvalidTaskException;
import io.taskvault.task.Task;

import tools.jackson.databind.json.JsonMapper;

/** Assembles a task's prompt context within a size budget, exports it, and scores the context's health. */
@Service
public class PromptContextService {

    public static final int MIN_BUDGET = 500;
    public static final int MAX_BUDGET = 2_000_000;
    private static final int BODY_CHARS = 1_500;

    private final ContextSnapshots snapshots;
    private final ContextService context;
    private final ContextHealthScorer scorer;
    private final ContextProperties properties;
    private final JsonMapper json;

    PromptContextService(ContextSnapshots snapshots, ContextService context, ContextHealthScorer scorer,
                         ContextProperties properties, JsonMapper json) {
        this.snapshots = snapshots;
        this.context = context;
        this.scorer = scorer;
        this.properties = properties;
        this.json = json;
    }

    /** The budget in characters from either a character or a token count (tokens ≈ characters / 4). */
    public int budget(Integer chars, Integer tokens) {
        if (chars != null && tokens != null) {
            throw new InvalidTaskException("budget", "give a character budget or a token budget, not both");
        }
        int budget = chars != null ? chars : tokens != null ? tokens * 4 : properties.defaultBudgetChars();
        if (budget < MIN_BUDGET || budget > MAX_BUDGET) {
            throw new InvalidTaskException("budget", "must be between " + MIN_BUDGET + " and " + MAX_BUDGET
                    + " characters (" + MIN_BUDGET / 4 + "-" + MAX_BUDGET / 4 + " tokens), not " + budget);
        }
        return budget;
    }

    //why: agents and pages ask for the same task's context again and again between its writes; the key carries the
    //    store's change count, so a write by any process the change feed reports makes the next read fresh
    @Cacheable(cacheNames = PromptContextCache.NAME, keyGenerator = StoreVersionKeys.NAME)
    public ContextHealth health(String taskRef) {
        return scorer.score(snapshots.of(taskRef));
    }

    public PromptContext assemble(String taskRef, int budgetChars) {
        ContextSnapshot snapshot = snapshots.of(taskRef);
        Task task = snapshot.task();
        PromptAssembler parts = new PromptAssembler();
        parts.add(1, "Task", 100, "- Key: " + task.getKey() + "\n- State: " + task.getState() + "\n- Priority: "
                + task.getPriority() + line("Role", task.getRole()) + line("Tags", String.join(", ", task.getTags()))
                + line("Repository", task.getRepositoryUrl()) + line("Branch", task.getBranch()));
        parts.add(1, "Task", 97, task.getDescription());
        entries(task.getAcceptanceCriteria()).forEach(c -> parts.add(2, "Acceptance criteria", 98, c));
        entries(task.getRequirements()).forEach(r -> parts.add(3, "Requirements", 90, r));
        int rank = 0;
        for (RequirementContext r : snapshot.requirements()) {
            parts.add(3, "Requirements", 89 - Math.min(rank++, 20), "- (" + r.type() + ") " + flat(r.content()));
        }
        for (ContextSnapshot.DependencyResult d : snapshot.dependencies()) {
            String head = "- " + d.task().getKey() + " " + d.task().getTitle() + " (" + d.task().getState() + ")";
            parts.add(4, "Dependencies", d.done() ? 80 : 86, d.done() ? head + result(d) : head + ": not done yet");
        }
        List<ValidationResult> verdicts = snapshot.latestPerValidator().stream()
                .sorted(Comparator.comparing((ValidationResult v) -> !v.status().failing())).toList();
        for (ValidationResult v : verdicts) {
            parts.add(5, "Latest validation feedback", v.status().failing() ? 92 : 60, validation(v));
        }
        if (task.getLastError() != null) {
            parts.add(6, "Failures", 91, "- Last error (attempt " + task.getAttempt() + "): " + task.getLastError());
        }
        rank = 0;
        for (AiInteraction ai : snapshot.interactions()) {
            boolean failed = ai.failed();
            parts.add(failed ? 6 : 7, failed ? "Failures" : "Recent AI interactions",
                    (failed ? 84 : 70) - Math.min(rank++, 20), interaction(ai));
        }
        snapshot.codebase().stream().findFirst().ifPresent(c -> parts.add(8, "Codebase", 75, codebase(c)));
        if (snapshot.codebase().isEmpty() && !task.getAffectedFiles().isEmpty()) {
            parts.add(8, "Codebase", 74, "- Affected files: " + String.join(", ", task.getAffectedFiles()));
        }
        return parts.assemble(task.getKey(), task.getTitle(), budgetChars, scorer.score(snapshot));
    }

    /** The prompt context as Markdown or JSON. */
    @Cacheable(cacheNames = PromptContextCache.NAME, keyGenerator = StoreVersionKeys.NAME)
    public String export(String taskRef, int budgetChars, String format) {
        PromptContext prompt = assemble(taskRef, budgetChars);
        String wanted = format == null ? "markdown" : format.trim().toLowerCase();
        return switch (wanted) {
            case "markdown", "md" -> prompt.toMarkdown();
            case "json" -> json.writerWithDefaultPrettyPrinter().writeValueAsString(prompt);
            default -> throw new InvalidTaskException("format", "'" + format + "' is not a format; use markdown or json");
        };
    }

    private String result(ContextSnapshot.DependencyResult d) {
        StringBuilder text = new StringBuilder();
        if (d.lastNote() != null) {
            text.append("\n  - Note: ").append(d.lastNote());
        }
        if (d.lastOutput() != null) {
            text.append("\n  - Last output:\n\n```\n").append(d.lastOutput().strip()).append("\n```");
        }
        return text.isEmpty() ? ": completed, no notes or outputs" : text.toString();
    }

    private static String validation(ValidationResult v) {
        return "- " + v.status() + " " + v.type() + " by " + v.validator() + (v.score() == null ? "" : " (score " + v.score() + ")")
                + (v.details().isEmpty() ? "" : "\n  - Details: " + flat(v.details()))
                + v.suggestionLines().stream().map(s -> "\n  - Suggestion: " + s).collect(Collectors.joining());
    }

    private String interaction(AiInteraction ai) {
        return "- " + ai.at() + " " + ai.agent() + " " + ai.type() + (ai.failed() ? " FAILED" : "")
                + (ai.error() == null ? "" : ": " + ai.error())
                + (ai.tokens() == null ? "" : ", " + ai.tokens() + " tokens")
                + body("Request", context.bodyHead(ai, true, BODY_CHARS))
                + body("Response", context.bodyHead(ai, false, BODY_CHARS));
    }

    private static String body(String label, String text) {
        return text.isBlank() ? "" : "\n  - " + label + ": " + text;
    }

    private static String codebase(CodebaseContext c) {
        return line("Repository", c.repository()).strip() + line("Commit", c.commit()) + line("Branch", c.branch())
                + line("Affected files", String.join(", ", c.affectedFiles()))
                + line("Symbols", String.join(", ", c.symbols())) + line("Notes", c.notes());
    }

    private static List<String> entries(Map<String, Object> map) {
        return map.entrySet().stream().map(e -> "- " + e.getKey() + ": " + flat(e.getValue())).toList();
    }

    private static String flat(Object value) {
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream().map(e -> e.getKey() + ": " + flat(e.getValue()))
                    .collect(Collectors.joining("; "));
        }
        if (value instanceof List<?> list) {
            return list.stream().map(PromptContextService::flat).collect(Collectors.joining(", "));
        }
        return String.valueOf(value);
    }

    private static String line(String label, String value) {
        return value == null || value.isBlank() ? "" : "\n- " + label + ": " + value;
    }
}

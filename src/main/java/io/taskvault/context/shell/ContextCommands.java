package io.taskvault.context.shell;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

import io.taskvault.context.AiInteraction;
import io.taskvault.context.CodebaseContext;
import io.taskvault.context.ContextHealth;
import io.taskvault.context.ContextKind;
import io.taskvault.context.ContextRecord;
import io.taskvault.context.ContextService;
import io.taskvault.context.PerformanceMetric;
import io.taskvault.context.PromptContextService;
import io.taskvault.context.RequirementContext;
import io.taskvault.context.ValidationResult;
import io.taskvault.context.ValidationStatus;
import io.taskvault.system.InvalidInputException;
import io.taskvault.system.shell.ShellJson;

/** Shell commands for a task's context: add each kind, list, show, the prompt context and its health. */
@Component
public class ContextCommands {

    private static final String GROUP = "Context";
    private static final String TASKS = "taskCompletion";
    private static final String KINDS = "requirements, codebase, ai-interactions, validations, metrics";
    private static final String JSON = "print JSON for scripts";

    private final ContextService context;
    private final PromptContextService prompts;
    private final ShellJson json;

    ContextCommands(ContextService context, PromptContextService prompts, ShellJson json) {
        this.context = context;
        this.prompts = prompts;
        this.json = json;
    }

    @Command(name = "context requirement", group = GROUP, description = "Add requirement context to a task",
            help = "context requirement TV-1 --type acceptance --text \"login keeps the return URL\" --source issue-12",
            completionProvider = TASKS)
    public String requirement(
            @Argument(index = 0, description = "the task") String task,
            @Option(longName = "type", required = true, description = "what kind, e.g. acceptance, constraint") String type,
            @Option(longName = "text", required = true, description = "the requirement") String text,
            @Option(longName = "source", description = "where it came from, e.g. issue-12") String source) {
        return added(context.add(task, RequirementContext.of(type, Map.of("text", text), source)));
    }

    @Command(name = "context codebase", group = GROUP, description = "Add codebase context: repository, commit, files, symbols",
            help = "context codebase TV-1 --repository git@host:app.git --commit 3f2a9c1 --files src/Login.java,src/Auth.java",
            completionProvider = TASKS)
    public String codebase(
            @Argument(index = 0, description = "the task") String task,
            @Option(longName = "repository", description = "the repository URL") String repository,
            @Option(longName = "commit", description = "the commit") String commit,
            @Option(longName = "files", description = "comma-separated affected files") List<String> files,
            @Option(longName = "symbols", description = "comma-separated classes or functions") List<String> symbols) {
        return added(context.add(task, CodebaseContext.of(repository, commit, files, symbols)));
    }

    @Command(name = "context ai", group = GROUP, description = "Record an AI interaction (use --success=false for a failure)",
            help = "context ai TV-1 --agent claude --request \"write the test\" --response \"done\" --tokens 1200",
            completionProvider = TASKS)
    public String ai(
            @Argument(index = 0, description = "the task") String task,
            @Option(longName = "agent", required = true, description = "the agent, e.g. claude") String agent,
            @Option(longName = "type", defaultValue = "prompt", description = "prompt (default), review, ...") String type,
            @Option(longName = "request", required = true, description = "what was asked") String request,
            @Option(longName = "response", description = "what came back") String response,
            @Option(longName = "tokens", defaultValue = "0", description = "tokens used") Long tokens,
            @Option(longName = "duration-ms", defaultValue = "0", description = "how long it took") Long durationMs,
            @Option(longName = "success", defaultValue = "true", description = "false for a failed interaction") String success,
            @Option(longName = "session", description = "the agent session id") String session) {
        return added(context.add(task, AiInteraction.of(agent, type == null ? "prompt" : type, request, response,
                tokens, durationMs, success == null || Boolean.parseBoolean(success), session)));
    }

    @Command(name = "context validation", group = GROUP, description = "Record a validation result",
            help = "context validation TV-1 --type tests --validator junit --status FAILED --score 30",
            completionProvider = TASKS)
    public String validation(
            @Argument(index = 0, description = "the task") String task,
            @Option(longName = "type", required = true, description = "what was checked, e.g. tests") String type,
            @Option(longName = "validator", required = true, description = "who checked, e.g. junit") String validator,
            @Option(longName = "status", required = true, description = "PASSED, WARNING, FAILED or ERROR") ValidationStatus status,
            @Option(longName = "score", description = "0 to 100") Double score,
            @Option(longName = "suggestions", description = "comma-separated suggestions") List<String> suggestions) {
        return added(context.add(task, ValidationResult.of(type, validator, status, score, Map.of(), suggestions)));
    }

    @Command(name = "context metric", group = GROUP, description = "Record a performance metric",
            help = "context metric TV-1 --name build-time --value 42.5 --unit s", completionProvider = TASKS)
    public String metric(
            @Argument(index = 0, description = "the task") String task,
            @Option(longName = "name", required = true, description = "the metric, e.g. build-time") String name,
            @Option(longName = "value", required = true, description = "its value") double value,
            @Option(longName = "unit", description = "its unit, e.g. s") String unit) {
        return added(context.add(task, PerformanceMetric.of(name, value, unit)));
    }

    @Command(name = "context list", group = GROUP, description = "A task's newest context records of one kind",
            help = "context list TV-1 --kind validations --limit 5", completionProvider = TASKS)
    public String list(
            @Argument(index = 0, description = "the task") String task,
            @Option(longName = "kind", required = true, description = KINDS) String kind,
            @Option(longName = "limit", defaultValue = "20", description = "at most this many (default 20)") Integer limit,
            @Option(longName = "json", description = JSON) boolean asJson) {
        if (limit != null && limit < 0) {
            throw new InvalidInputException("--limit: must be a positive number, not " + limit);
        }
        //why: in tests an absent --limit arrived as 0, not its defaultValue, so defaults are applied here as well
        List<? extends ContextRecord> records = context.list(task, ContextKind.parse(kind).type(),
                limit == null || limit == 0 ? 20 : limit);
        if (asJson) {
            return json.write(records);
        }
        return records.isEmpty() ? "no " + kind + " records"
                : records.stream().map(ContextCommands::line).collect(Collectors.joining("\n"));
    }

    @Command(name = "context show", group = GROUP, description = "One context record in full",
            help = "context show TV-1 --kind ai-interactions --seq 2", completionProvider = TASKS)
    public String show(
            @Argument(index = 0, description = "the task") String task,
            @Option(longName = "kind", required = true, description = KINDS) String kind,
            @Option(longName = "seq", required = true, description = "the record's number (see context list)") long seq,
            @Option(longName = "json", description = JSON) boolean asJson) {
        ContextRecord record = context.get(task, ContextKind.parse(kind).type(), seq);
        if (asJson) {
            return json.write(record);
        }
        if (record instanceof AiInteraction ai) {
            return line(ai) + "\n--- request ---\n" + context.body(ai, true) + "\n--- response ---\n" + context.body(ai, false);
        }
        return record.toString();
    }

    @Command(name = "prompt-context", group = GROUP, description = "Everything an agent needs for the task, within a budget",
            help = "prompt-context TV-1 --format markdown --tokens 4000", completionProvider = TASKS)
    public String prompt(
            @Argument(index = 0, description = "the task") String task,
            @Option(longName = "format", defaultValue = "markdown", description = "markdown or json") String format,
            @Option(longName = "chars", description = "budget in characters") Integer chars,
            @Option(longName = "tokens", description = "budget in tokens") Integer tokens) {
        return prompts.export(task, prompts.budget(chars, tokens), format);
    }

    @Command(name = "context-health", group = GROUP, description = "The task's context health score and its reasons",
            help = "context-health TV-1 --json", completionProvider = TASKS)
    public String health(
            @Argument(index = 0, description = "the task") String task,
            @Option(longName = "json", description = JSON) boolean asJson) {
        ContextHealth health = prompts.health(task);
        if (asJson) {
            return json.write(health);
        }
        return health.taskKey() + " context health " + health.summary() + health.reasons().stream()
                .map(r -> "\n  -" + r.penalty() + "  " + r.message()).collect(Collectors.joining());
    }

    private static String added(ContextRecord record) {
        return "added " + ContextKind.of(record.getClass()).label() + " #" + record.seq();
    }

    private static String line(ContextRecord record) {
        String text;
        if (record instanceof RequirementContext r) {
            text = r.type() + ": " + r.content();
        } else if (record instanceof CodebaseContext c) {
            text = c.repository() + " @ " + c.commit() + " files=" + c.affectedFiles() + " symbols=" + c.symbols();
        } else if (record instanceof AiInteraction a) {
            text = a.agent() + " " + a.type() + (a.failed() ? " FAILED" : " ok") + " tokens=" + a.tokens()
                    + " " + a.durationMs() + "ms session=" + a.sessionId() + " request=" + a.requestSize() + "B";
        } else if (record instanceof ValidationResult v) {
            text = v.status() + " " + v.type() + " by " + v.validator() + (v.score() == null ? "" : " score=" + v.score());
        } else {
            PerformanceMetric m = (PerformanceMetric) record;
            text = m.name() + " = " + m.value() + (m.unit() == null ? "" : " " + m.unit());
        }
        return "#" + record.seq() + "  " + record.at() + "  " + text;
    }
}

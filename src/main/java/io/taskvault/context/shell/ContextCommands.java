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

/** Shell commands for a task's context: add each kind, list, show, the prompt context and its health. */
@Component
public class ContextCommands {

    private static final String GROUP = "Context";

    private final ContextService context;
    private final PromptContextService prompts;

    ContextCommands(ContextService context, PromptContextService prompts) {
        this.context = context;
        this.prompts = prompts;
    }

    @Command(name = "context requirement", group = GROUP, description = "Add requirement context to a task")
    public String requirement(@Argument(index = 0) String task, @Option(longName = "type", required = true) String type,
                              @Option(longName = "text", required = true) String text,
                              @Option(longName = "source") String source) {
        return added(context.add(task, RequirementContext.of(type, Map.of("text", text), source)));
    }

    @Command(name = "context codebase", group = GROUP, description = "Add codebase context: repository, commit, files, symbols")
    public String codebase(@Argument(index = 0) String task, @Option(longName = "repository") String repository,
                           @Option(longName = "commit") String commit, @Option(longName = "files") List<String> files,
                           @Option(longName = "symbols") List<String> symbols) {
        return added(context.add(task, CodebaseContext.of(repository, commit, files, symbols)));
    }

    @Command(name = "context ai", group = GROUP, description = "Record an AI interaction (use --success=false for a failure)")
    public String ai(@Argument(index = 0) String task, @Option(longName = "agent", required = true) String agent,
                     @Option(longName = "type", defaultValue = "prompt") String type,
                     @Option(longName = "request", required = true) String request,
                     @Option(longName = "response") String response,
                     @Option(longName = "tokens", defaultValue = "0") long tokens,
                     @Option(longName = "duration-ms", defaultValue = "0") long durationMs,
                     @Option(longName = "success", defaultValue = "true") String success,
                     @Option(longName = "session") String session) {
        return added(context.add(task, AiInteraction.of(agent, type == null ? "prompt" : type, request, response,
                tokens, durationMs, success == null || Boolean.parseBoolean(success), session)));
    }

    @Command(name = "context validation", group = GROUP, description = "Record a validation result")
    public String validation(@Argument(index = 0) String task, @Option(longName = "type", required = true) String type,
                             @Option(longName = "validator", required = true) String validator,
                             @Option(longName = "status", required = true) ValidationStatus status,
                             @Option(longName = "score") Double score,
                             @Option(longName = "suggestions") List<String> suggestions) {
        return added(context.add(task, ValidationResult.of(type, validator, status, score, Map.of(), suggestions)));
    }

    @Command(name = "context metric", group = GROUP, description = "Record a performance metric")
    public String metric(@Argument(index = 0) String task, @Option(longName = "name", required = true) String name,
                         @Option(longName = "value", required = true) double value, @Option(longName = "unit") String unit) {
        return added(context.add(task, PerformanceMetric.of(name, value, unit)));
    }

    @Command(name = "context list", group = GROUP, description = "A task's newest context records of one kind")
    public String list(@Argument(index = 0) String task,
                       @Option(longName = "kind", required = true, description = "requirements, codebase, ai-interactions, validations, metrics") String kind,
                       @Option(longName = "limit", defaultValue = "20") Integer limit) {
        //why: in tests an absent --limit arrived as 0, not its defaultValue, so defaults are applied here as well
        List<? extends ContextRecord> records = context.list(task, ContextKind.parse(kind).type(),
                limit == null || limit == 0 ? 20 : limit);
        return records.isEmpty() ? "no " + kind + " records"
                : records.stream().map(ContextCommands::line).collect(Collectors.joining("\n"));
    }

    @Command(name = "context show", group = GROUP, description = "One context record in full")
    public String show(@Argument(index = 0) String task, @Option(longName = "kind", required = true) String kind,
                       @Option(longName = "seq", required = true) long seq) {
        ContextRecord record = context.get(task, ContextKind.parse(kind).type(), seq);
        if (record instanceof AiInteraction ai) {
            return line(ai) + "\n--- request ---\n" + context.body(ai, true) + "\n--- response ---\n" + context.body(ai, false);
        }
        return record.toString();
    }

    @Command(name = "prompt-context", group = GROUP, description = "Everything an agent needs for the task, within a budget")
    public String prompt(@Argument(index = 0) String task, @Option(longName = "format", defaultValue = "markdown") String format,
                         @Option(longName = "chars") Integer chars, @Option(longName = "tokens") Integer tokens) {
        return prompts.export(task, prompts.budget(chars, tokens), format);
    }

    @Command(name = "context-health", group = GROUP, description = "The task's context health score and its reasons")
    public String health(@Argument(index = 0) String task) {
        ContextHealth health = prompts.health(task);
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

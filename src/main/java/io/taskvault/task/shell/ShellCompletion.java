package io.taskvault.task.shell;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.jline.reader.Candidate;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.core.command.completion.CompletionContext;
import org.springframework.shell.core.command.completion.CompletionProposal;
import org.springframework.shell.core.command.completion.CompletionProvider;
import org.springframework.shell.jline.CommandCompleter;

import io.taskvault.task.Priority;
import io.taskvault.task.Task;
import io.taskvault.task.TaskQuery;
import io.taskvault.task.TaskService;
import io.taskvault.task.TaskState;
import io.taskvault.task.output.OutputType;

/** Tab completion of task keys (most recently changed first) and of the values of enum-like options. */
@Configuration(proxyBeanMethods = false)
class ShellCompletion {

    private static final int KEYS = 200;
    private static final Map<String, List<String>> OPTION_VALUES = Map.of(
            "state", names(TaskState.values()), "priority", names(Priority.values()), "type", names(OutputType.values()),
            "sort", List.of("created", "updated", "priority", "key", "title", "state"));

    @Bean
    CompletionProvider taskCompletion(TaskService tasks) {
        return ctx -> {
            if (ctx.getCommandOption() != null) {
                List<String> values = OPTION_VALUES.getOrDefault(ctx.getCommandOption().longName(), List.of());
                return values.stream().map(CompletionProposal::new).toList();
            }
            List<Task> recent = tasks.list(TaskQuery.all().withLimit(KEYS, 0)).tasks();
            return recent.stream().map(t -> new CompletionProposal(t.getKey()).description(t.getTitle())
                    .category(t.getState().name())).toList();
        };
    }

    /**
     * Spring Shell 4.0.1's completer finds the command by all words before the first option, so
     * {@code show TV-<Tab>} finds no command; this one falls back to the longest leading words naming a command.
     */
    @Bean
    CommandCompleter commandCompleter(CommandRegistry registry) {
        return new CommandCompleter(registry) {
            @Override
            public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
                super.complete(reader, line, candidates);
                List<String> words = line.words();
                if (!candidates.isEmpty() || words.size() < 2) {
                    return;
                }
                int leading = 0;
                while (leading < words.size() - 1 && !words.get(leading).startsWith("-")) {
                    leading++;
                }
                for (int n = leading; n >= 1; n--) {
                    Command command = registry.getCommandByName(String.join(" ", words.subList(0, n)));
                    if (command != null) {
                        CompletionContext context = new CompletionContext(words, line.wordIndex(), line.wordCursor(),
                                command, null);
                        command.getCompletionProvider().apply(context).forEach(p -> candidates.add(new Candidate(
                                p.value(), p.displayText(), p.category(), p.description(), null, null, p.complete(), 0)));
                        return;
                    }
                }
            }
        };
    }

    private static List<String> names(Enum<?>[] values) {
        return new ArrayList<>(Arrays.stream(values).map(Enum::name).toList());
    }
}

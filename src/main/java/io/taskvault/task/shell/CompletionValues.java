package io.taskvault.task.shell;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandOption;
import org.springframework.shell.core.command.completion.CompletionContext;
import org.springframework.shell.core.command.completion.CompletionProposal;
import org.springframework.shell.core.command.completion.CompletionProvider;
import org.springframework.stereotype.Component;

import io.taskvault.system.shell.OptionValues;
import io.taskvault.system.shell.ShellCompleter;
import io.taskvault.task.Priority;
import io.taskvault.task.Task;
import io.taskvault.task.TaskQuery;
import io.taskvault.task.TaskService;
import io.taskvault.task.TaskState;
import io.taskvault.task.output.OutputType;

/**
 * What Tab offers for a word: an option's values (states, priorities, roles and providers seen in the store, task
 * keys, ...), or task keys where a command takes tasks. Handles {@code --state=RU} and comma lists ({@code RUNNING,QU}).
 */
@Component("taskCompletion")
class CompletionValues implements CompletionProvider {

    private static final int KEYS = 200;
    private static final Set<String> MANY_TASKS = Set.of("queue", "start", "complete", "fail", "cancel", "retry", "block",
            "unblock", "archive", "restore", "verify");
    private static final Set<String> ONE_TASK = Set.of("show", "edit", "history", "note", "output add", "output list",
            "output show", "upstream", "downstream", "prompt-context", "context-health", "recovery retry", "heartbeat");
    private final TaskService tasks;
    private final List<OptionValues> features;

    CompletionValues(TaskService tasks, List<OptionValues> features) {
        this.tasks = tasks;
        this.features = features;
    }

    @Override
    public List<CompletionProposal> apply(CompletionContext ctx) {
        Command command = ctx.getCommand();
        if (command == null) {
            return List.of();
        }
        CommandOption option = ctx.getCommandOption();
        if (option != null) {
            return proposals(optionValues(command.getName(), option), valuePrefix(ctx.currentWord(), option));
        }
        int position = ShellCompleter.positionalIndex(ctx.getWords(), ctx.getWordIndex(), command);
        return takesTask(command.getName(), position) ? keys() : List.of();
    }

    /** Whether the {@code position}-th word after the command's name (0-based) names a task. */
    static boolean takesTask(String command, int position) {
        return MANY_TASKS.contains(command) || position == 0 && (ONE_TASK.contains(command) || command.startsWith("context "));
    }

    private Collection<String> optionValues(String command, CommandOption option) {
        String name = option.longName() == null ? "" : option.longName();
        boolean edge = command.startsWith("edge ");
        for (OptionValues feature : features) {
            Optional<Collection<String>> values = feature.of(command, name);
            if (values.isPresent()) {
                return values.get();
            }
        }
        return switch (name) {
            case "state" -> names(TaskState.values());
            case "priority" -> names(Priority.values());
            case "sort" -> Arrays.stream(TaskQuery.SortField.values()).map(f -> f.name().toLowerCase()).toList();
            case "role" -> tasks.statistics().byRole().keySet();
            case "provider" -> tasks.statistics().byProvider().keySet();
            case "tag", "tags" -> recent().stream().flatMap(t -> t.getTags().stream()).collect(TreeSet::new, Set::add, Set::addAll);
            case "depends-on", "task" -> recent().stream().map(Task::getKey).toList();
            case "from", "to" -> edge ? recent().stream().map(Task::getKey).toList() : List.of();
            case "type" -> command.equals("output add") ? names(OutputType.values()) : List.of();
            case "format" -> List.of("markdown", "json");
            case "set" -> Task.editableFields().stream().map(f -> f + "=").toList();
            default -> option.type().isEnum() ? names((Enum<?>[]) option.type().getEnumConstants())
                    : option.type() == boolean.class || option.type() == Boolean.class ? List.of("true", "false") : List.of();
        };
    }

    /** What stays in front of a value: {@code --state=} in {@code --state=RU}, {@code RUNNING,} in a comma list. */
    private static String valuePrefix(String word, CommandOption option) {
        if (word == null) {
            return "";
        }
        String prefix = "";
        String value = word;
        for (String form : new String[] {"--" + option.longName() + "=", "-" + option.shortName() + "="}) {
            if (word.startsWith(form)) {
                prefix = form;
                value = word.substring(form.length());
                break;
            }
        }
        int comma = value.lastIndexOf(',');
        return comma < 0 || "set".equals(option.longName()) ? prefix : prefix + value.substring(0, comma + 1);
    }

    private static List<CompletionProposal> proposals(Collection<String> values, String prefix) {
        return values.stream().map(v -> new CompletionProposal(prefix + v).displayText(v).complete(!v.endsWith("=")))
                .toList();
    }

    private List<CompletionProposal> keys() {
        return recent().stream().map(t -> new CompletionProposal(t.getKey()).displayText(t.getKey())
                .description(t.getState() + "  " + t.getTitle())).toList();
    }

    private List<Task> recent() {
        return tasks.list(TaskQuery.all().sortedBy(TaskQuery.SortField.UPDATED, true).withLimit(KEYS, 0)).tasks();
    }

    private static List<String> names(Enum<?>[] values) {
        return Stream.of(values).map(Enum::name).toList();
    }
}

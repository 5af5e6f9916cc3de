package io.taskvault.story.shell;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.shell.core.command.annotation.Arguments;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

import io.taskvault.story.Grouping;
import io.taskvault.story.StoryRollup;
import io.taskvault.story.StoryService;
import io.taskvault.system.InvalidInputException;
import io.taskvault.system.shell.ShellJson;
import io.taskvault.task.TaskState;

/** Shell: {@code story}, a story's or an epic's roll-up. */
@Component
public class StoryCommands {

    private final StoryService stories;
    private final ShellJson json;

    StoryCommands(StoryService stories, ShellJson json) {
        this.stories = stories;
        this.json = json;
    }

    @Command(name = "story", group = "Stories",
            description = "A story's roll-up: tasks by state, percent done, blocked and failed tasks, last activity",
            help = "story STORY-7   (or: story TV-42 for that task's story; story --epic EPIC-2 for an epic)",
            completionProvider = "taskCompletion")
    public String story(@Arguments List<String> words,
                        @Option(longName = "epic", description = "roll up this epic (epicId) instead of a story") String epic,
                        @Option(longName = "json", description = "print the roll-up as JSON") boolean asJson) {
        List<String> given = words == null ? List.of() : words;
        if (given.size() > 1) {
            throw new InvalidInputException("story: takes one story id or task, got " + given.size() + " ("
                    + String.join(" ", given) + "); quote values with blanks");
        }
        if (epic != null && !given.isEmpty()) {
            throw new InvalidInputException("story: give a story (or task) or --epic, not both");
        }
        if (epic == null && given.isEmpty()) {
            throw new InvalidInputException("story: name a story id (STORY-7), a task (TV-42) or --epic EPIC-2");
        }
        StoryRollup rollup = epic != null ? stories.rollUpByIdOrTask(Grouping.EPIC, epic)
                : stories.rollUpByIdOrTask(Grouping.STORY, given.get(0));
        return asJson ? json.write(rollup) : text(rollup);
    }

    static String text(StoryRollup r) {
        StringBuilder out = new StringBuilder();
        out.append(r.grouping().label()).append(' ').append(r.id()).append("  ").append(r.progress())
                .append("  ").append(r.percentDone()).append("% done (").append(r.count(TaskState.COMPLETED))
                .append(" of ").append(r.countable()).append(")\n");
        out.append(r.total()).append(r.total() == 1 ? " task: " : " tasks: ").append(r.byState().entrySet().stream()
                .filter(e -> e.getValue() > 0).map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "))).append('\n');
        out.append("last activity: ").append(r.lastActivity() == null ? "none"
                : DateTimeFormatter.ISO_INSTANT.format(r.lastActivity()) + " on " + r.lastActivityKey()).append('\n');
        members(out, "blocked", r.blocked(), r.count(TaskState.BLOCKED));
        members(out, "failed", r.failed(), r.count(TaskState.FAILED));
        return out.toString().stripTrailing();
    }

    private static void members(StringBuilder out, String what, List<StoryRollup.Member> listed, long count) {
        if (count == 0) {
            return;
        }
        out.append(what).append(" (").append(count).append(listed.size() < count ? ", newest " + listed.size() + " shown" : "")
                .append("):\n");
        for (StoryRollup.Member m : listed) {
            out.append(String.format("  %-8s %s%s%n", m.key(), m.title(),
                    m.lastError() == null || m.state() != TaskState.FAILED ? "" : "  — " + m.lastError().lines().findFirst().orElse("")));
        }
    }
}

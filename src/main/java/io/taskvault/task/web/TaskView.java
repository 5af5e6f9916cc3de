package io.taskvault.task.web;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import io.taskvault.task.Dependents;
import io.taskvault.task.Task;
import io.taskvault.task.TaskService;
import io.taskvault.task.TaskState;
import io.taskvault.task.history.HistoryEvent;
import io.taskvault.task.output.OutputType;
import io.taskvault.task.output.TaskOutput;

/** Gathers what the task detail's live part shows: the task, its allowed moves, history, chain and outputs. */
@Component
class TaskView {

    private final TaskService tasks;
    private final ObjectProvider<Dependents> graph;
    private final ObjectProvider<Clock> clock;

    TaskView(TaskService tasks, ObjectProvider<Dependents> graph, ObjectProvider<Clock> clock) {
        this.tasks = tasks;
        this.graph = graph;
        this.clock = clock;
    }

    Task describe(String ref, Model model) {
        Task task = tasks.get(ref);
        List<HistoryEvent> history = new ArrayList<>(tasks.history(task.getId()));
        Collections.reverse(history);
        Map<OutputType, List<TaskOutput>> outputs = new EnumMap<>(OutputType.class);
        tasks.outputs(task.getId()).forEach(o -> outputs.computeIfAbsent(o.type(), t -> new ArrayList<>()).add(o.summary()));
        model.addAttribute("task", task);
        model.addAttribute("actions", actions(task));
        model.addAttribute("history", history);
        model.addAttribute("chain", tasks.verify(task));
        model.addAttribute("outputs", outputs);
        model.addAttribute("fields", fields(task));
        model.addAttribute("now", clock.getIfAvailable(Clock::systemUTC).instant());
        model.addAttribute("dependsOn", links(task.getDependsOn()));
        model.addAttribute("dependents", links(dependents(task)));
        model.addAttribute("related", links(task.getRelatedTo()));
        return task;
    }

    /** Ids of the tasks waiting on this one: the graph downwards (dependsOn shows it upwards). */
    private List<String> dependents(Task task) {
        Dependents edges = graph.getIfAvailable();
        return edges == null ? List.of() : edges.dependentIds(task.getId());
    }

    /** The edit form's values, with linked tasks named by their keys as the form asks for them. */
    Map<String, String> formValues(Task task) {
        return TaskForm.valuesOf(task, ids -> links(ids).stream().map(Link::key).toList());
    }

    //why: references are stored as ids; one read finds them all, and an id no task has any more is shown as it is
    private List<Link> links(List<String> ids) {
        if (ids == null || ids.isEmpty()) {
            return List.of();
        }
        Map<String, Task> found = new LinkedHashMap<>();
        tasks.byIds(ids).forEach(t -> found.put(t.getId(), t));
        return ids.stream().map(id -> {
            Task t = found.get(id);
            return t == null ? new Link(id, null, null) : new Link(t.getKey(), t.getTitle(), t.getState());
        }).toList();
    }

    /**
     * A field the detail page shows: its text, or the time it names (drawn relative, exact on hover); {@code href},
     * when set, is the page the text links to.
     */
    record Field(String label, String text, Instant at, String href) {
        Field(String label, String text, Instant at) {
            this(label, text, at, null);
        }
    }

    /** Another task named by this one, as the page links it: key, title and state instead of its id. */
    record Link(String key, String title, TaskState state) {
    }

    /**
     * The fields that hold a value, in reading order. Storage bookkeeping (versions, sequences, the history hash) is
     * left out; tags, links and the title are drawn by the template.
     */
    static List<Field> fields(Task t) {
        List<Field> v = new ArrayList<>();
        text(v, "Description", t.getDescription());
        text(v, "Priority", t.getPriority());
        text(v, "Previous state", t.getPreviousState());
        text(v, "Role", t.getRole());
        text(v, "Persona", t.getPersona());
        text(v, "Assignee", t.getAssignee());
        text(v, "Created by", t.getCreatedBy());
        text(v, "Provider", t.getProvider());
        text(v, "Model", t.getModel());
        text(v, "Provider override", t.getProviderOverride());
        text(v, "Full access", t.isFullAccess() ? "yes" : null);
        text(v, "Repository", t.getRepositoryUrl());
        text(v, "Branch", t.getBranch());
        text(v, "Base branch", t.getBaseBranch());
        text(v, "Worktree", t.getWorktreePath());
        text(v, "Commit", t.getCommitHash());
        //why: "." is every task's default, as in the shell's show
        text(v, "Target dir", ".".equals(t.getTargetDir()) ? null : t.getTargetDir());
        text(v, "Requirements", lines(t.getRequirements()));
        text(v, "Acceptance criteria", lines(t.getAcceptanceCriteria()));
        text(v, "Affected files", String.join("\n", t.getAffectedFiles()));
        text(v, "Complexity", t.getComplexityScore());
        linked(v, "Story", t.getStoryId(), "/stories/{id}");
        linked(v, "Epic", t.getEpicId(), "/epics/{id}");
        text(v, "Last error", t.getLastError());
        text(v, "Errors", t.getErrorCount() == 0 ? null : t.getErrorCount());
        text(v, "Attempt", t.getAttempt() == 0 ? null : t.getAttempt());
        time(v, "Created", t.getCreatedAt());
        time(v, "Updated", t.getUpdatedAt());
        time(v, "Started", t.getStartedAt());
        time(v, "Completed", t.getCompletedAt());
        time(v, "Archived", t.getArchivedAt());
        time(v, "Heartbeat", t.getHeartbeatAt());
        text(v, "Metadata", lines(t.getMetadata()));
        text(v, "External id", t.getExternalId());
        text(v, "Id", t.getId());
        return v;
    }

    private static void text(List<Field> fields, String label, Object value) {
        String text = value == null ? null : value.toString();
        if (text != null && !text.isBlank()) {
            fields.add(new Field(label, text, null));
        }
    }

    //why: a story's and an epic's roll-up pages are where a reader goes from a task's story and epic
    private static void linked(List<Field> fields, String label, String value, String page) {
        if (value != null && !value.isBlank()) {
            fields.add(new Field(label, value, null, org.springframework.web.util.UriComponentsBuilder.fromPath(page)
                    .buildAndExpand(value).encode().toUriString()));
        }
    }

    private static void time(List<Field> fields, String label, Instant at) {
        if (at != null) {
            fields.add(new Field(label, null, at));
        }
    }

    private static String lines(Map<String, Object> map) {
        return map == null || map.isEmpty() ? null : String.join("\n", map.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).toList());
    }

    //why: an archived task can only go back to where it was, which the task remembers as its previous state
    static List<TaskState> actions(Task task) {
        if (task.getState() == TaskState.ARCHIVED) {
            return task.getPreviousState() == null ? List.of() : List.of(task.getPreviousState());
        }
        return task.getState().next().stream().sorted().toList();
    }
}

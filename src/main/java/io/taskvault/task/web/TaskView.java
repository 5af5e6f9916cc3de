package io.taskvault.task.web;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import io.taskvault.task.Task;
import io.taskvault.graph.DependencyGraph;
import io.taskvault.task.TaskService;
import io.taskvault.task.TaskState;
import io.taskvault.task.history.HistoryEvent;
import io.taskvault.task.output.OutputType;
import io.taskvault.task.output.TaskOutput;

/** Gathers what the task detail's live part shows: the task, its allowed moves, history, chain and outputs. */
@Component
class TaskView {

    private static final Formats FORMATS = new Formats();

    private final TaskService tasks;
    private final ObjectProvider<DependencyGraph> graph;
    TaskView(TaskService tasks, ObjectProvider<DependencyGraph> graph) {
        this.tasks = tasks;
        this.graph = graph;
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
        model.addAttribute("chain", tasks.verify(task.getId()));
        model.addAttribute("outputs", outputs);
        model.addAttribute("fields", fields(task));
        model.addAttribute("dependents", dependents(task));
        return task;
    }

    /** Keys of the tasks waiting on this one: the graph downwards (dependsOn shows it upwards). */
    private List<String> dependents(Task task) {
        DependencyGraph edges = graph.getIfAvailable();
        if (edges == null) {
            return List.of();
        }
        return edges.dependentIds(task.getId()).stream()
                .map(id -> tasks.find(id).map(Task::getKey).orElse(id)).toList();
    }

    /** Every stored field as label and text, in reading order; the links and lists are drawn by the template. */
    static Map<String, String> fields(Task t) {
        Formats f = FORMATS;
        Map<String, String> v = new LinkedHashMap<>();
        v.put("Id", t.getId());
        v.put("External id", t.getExternalId());
        v.put("Description", t.getDescription());
        v.put("Role", t.getRole());
        v.put("Persona", t.getPersona());
        v.put("Priority", text(t.getPriority()));
        v.put("Previous state", text(t.getPreviousState()));
        v.put("Tags", String.join(", ", t.getTags()));
        v.put("Assignee", t.getAssignee());
        v.put("Created by", t.getCreatedBy());
        v.put("Provider", t.getProvider());
        v.put("Model", t.getModel());
        v.put("Provider override", t.getProviderOverride());
        v.put("Full access", String.valueOf(t.isFullAccess()));
        v.put("Repository", t.getRepositoryUrl());
        v.put("Branch", t.getBranch());
        v.put("Base branch", t.getBaseBranch());
        v.put("Worktree", t.getWorktreePath());
        v.put("Commit", t.getCommitHash());
        v.put("Target dir", t.getTargetDir());
        v.put("Requirements", lines(t.getRequirements()));
        v.put("Acceptance criteria", lines(t.getAcceptanceCriteria()));
        v.put("Affected files", String.join("\n", t.getAffectedFiles()));
        v.put("Complexity", text(t.getComplexityScore()));
        v.put("Story", t.getStoryId());
        v.put("Epic", t.getEpicId());
        v.put("Last error", t.getLastError());
        v.put("Errors", String.valueOf(t.getErrorCount()));
        v.put("Attempt", String.valueOf(t.getAttempt()));
        v.put("Created", f.when(t.getCreatedAt()));
        v.put("Updated", f.when(t.getUpdatedAt()));
        v.put("Started", f.when(t.getStartedAt()));
        v.put("Completed", f.when(t.getCompletedAt()));
        v.put("Archived", f.when(t.getArchivedAt()));
        v.put("Heartbeat", f.when(t.getHeartbeatAt()));
        v.put("Metadata", lines(t.getMetadata()));
        v.put("Version", String.valueOf(t.getVersion()));
        v.put("Schema version", String.valueOf(t.getSchemaVersion()));
        v.put("History seq", String.valueOf(t.getHistorySeq()));
        v.put("History hash", t.getHistoryHash());
        v.put("Outputs", String.valueOf(t.getOutputSeq()));
        v.replaceAll((k, value) -> value == null || value.isBlank() ? "—" : value);
        return v;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static String lines(Map<String, Object> map) {
        return map == null ? null : String.join("\n", map.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).toList());
    }

    //why: an archived task can only go back to where it was, which the task remembers as its previous state
    static List<TaskState> actions(Task task) {
        if (task.getState() == TaskState.ARCHIVED) {
            return task.getPreviousState() == null ? List.of() : List.of(task.getPreviousState());
        }
        return task.getState().next().stream().sorted().toList();
    }
}

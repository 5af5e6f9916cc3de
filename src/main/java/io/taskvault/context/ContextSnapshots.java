package io.taskvault.context;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import io.taskvault.graph.DependencyGraph;
import io.taskvault.task.Task;
import io.taskvault.task.TaskService;
import io.taskvault.task.TaskState;
import io.taskvault.task.history.EventType;
import io.taskvault.task.history.HistoryEvent;
import io.taskvault.task.output.TaskOutput;

/** Reads a task's context once: its records of each kind (newest first) and its direct dependencies' results. */
@Component
class ContextSnapshots {

    static final int RESULT_CHARS = 2_000;
    private static final int RECENT = 50;

    private final TaskService tasks;
    private final ContextService context;
    private final DependencyGraph graph;

    ContextSnapshots(TaskService tasks, ContextService context, DependencyGraph graph) {
        this.tasks = tasks;
        this.context = context;
        this.graph = graph;
    }

    ContextSnapshot of(String taskRef) {
        Task task = tasks.get(taskRef);
        String id = task.getId();
        List<ContextSnapshot.DependencyResult> dependencies = new ArrayList<>();
        for (String dependency : graph.dependencyIds(id)) {
            tasks.find(dependency).ifPresent(d -> dependencies.add(result(d)));
        }
        return new ContextSnapshot(task, context.list(id, RequirementContext.class, RECENT),
                context.list(id, CodebaseContext.class, 5), context.list(id, ValidationResult.class, RECENT),
                context.list(id, AiInteraction.class, 20), dependencies);
    }

    private ContextSnapshot.DependencyResult result(Task dependency) {
        boolean done = dependency.getState() == TaskState.COMPLETED
                || dependency.getState() == TaskState.ARCHIVED && dependency.getPreviousState() == TaskState.COMPLETED;
        if (!done) {
            return new ContextSnapshot.DependencyResult(dependency, false, null, null);
        }
        //why: the listing leaves the content out; the last text output is read whole (by its seq) and cut
        List<TaskOutput> outputs = tasks.outputs(dependency.getId());
        String lastOutput = outputs.stream().filter(o -> o.type().isText()).reduce((a, b) -> b)
                .map(o -> head(tasks.output(dependency.getId(), o.seq()))).orElse(null);
        String lastNote = tasks.history(dependency.getId()).stream().filter(e -> e.type() == EventType.NOTE)
                .reduce((a, b) -> b).map(HistoryEvent::reason).orElse(null);
        return new ContextSnapshot.DependencyResult(dependency, true, lastOutput, lastNote);
    }

    private String head(TaskOutput output) {
        try (InputStream in = tasks.openOutput(output)) {
            String text = new String(in.readNBytes(RESULT_CHARS * 4), StandardCharsets.UTF_8);
            return text.length() > RESULT_CHARS ? text.substring(0, RESULT_CHARS) + PromptAssembler.CUT : text;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read output " + output.id(), e);
        }
    }
}

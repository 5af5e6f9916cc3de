package io.taskvault.context;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.taskvault.task.Task;

/** Everything the prompt context and the health score look at for one task, read once. */
record ContextSnapshot(Task task, List<RequirementContext> requirements, List<CodebaseContext> codebase,
                       List<ValidationResult> validations, List<AiInteraction> interactions,
                       List<DependencyResult> dependencies) {

    /** A direct dependency with, when it is done, the last thing it produced. */
    record DependencyResult(Task task, boolean done, String lastOutput, String lastNote) {
    }

    /** The newest result of each validator, newest first. */
    List<ValidationResult> latestPerValidator() {
        Map<String, ValidationResult> latest = validations.stream().collect(Collectors.toMap(
                v -> v.type() + "/" + v.validator(), Function.identity(), (a, b) -> a.seq() >= b.seq() ? a : b));
        return latest.values().stream().sorted((a, b) -> Long.compare(b.seq(), a.seq())).toList();
    }

    /** When context was last added, of any kind. */
    Optional<Instant> newestRecord() {
        return Stream.of(requirements, codebase, validations, interactions).flatMap(List::stream)
                .map(ContextRecord::at).max(Instant::compareTo);
    }
}

package io.taskvault.exchange;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import io.taskvault.task.ImportWriter;
import io.taskvault.task.Task;

/**
 * Turns the source ids a task names in {@code dependsOn} / {@code relatedTo} into the ids taskvault gave those
 * tasks: first the tasks of this import (as they are stored), then tasks imported earlier, found by the external
 * id their source id became.
 */
final class SourceReferences {

    /** A dry run stores nothing, so a task of the same import stands in for the id it would get. */
    static final String WOULD_BE_CREATED = "(created by this import) ";

    private final Map<String, String> stored = new HashMap<>();
    private final Set<String> inThisImport = new LinkedHashSet<>();
    private final Function<String, String> externalIdOf;
    private final ImportWriter writer;
    private final boolean dryRun;

    SourceReferences(List<ImportCandidate> accepted, Function<String, String> externalIdOf, ImportWriter writer,
                     boolean dryRun) {
        accepted.forEach(c -> inThisImport.add(c.sourceId()));
        this.externalIdOf = externalIdOf;
        this.writer = writer;
        this.dryRun = dryRun;
    }

    /** The task of this import with this source id is stored under taskId. */
    void stored(String sourceId, String taskId) {
        stored.put(sourceId, taskId);
    }

    /**
     * The references resolved: {@code ids} are taskvault ids; {@code later} name tasks of this import not stored
     * yet; {@code unresolved} name no task taskvault has or will have.
     */
    record Links(List<String> ids, List<String> later, List<String> unresolved) {
    }

    Links resolve(List<String> references) {
        List<String> ids = new ArrayList<>();
        List<String> later = new ArrayList<>();
        List<String> unresolved = new ArrayList<>();
        for (String reference : new LinkedHashSet<>(references)) {
            Optional<String> id = idOf(reference);
            if (id.isPresent()) {
                ids.add(id.get());
            } else if (inThisImport.contains(reference)) {
                later.add(reference);
            } else {
                unresolved.add(reference);
            }
        }
        return new Links(ids, later, unresolved);
    }

    /** The taskvault id a reference resolves to now, if any. */
    Optional<String> idOf(String reference) {
        String id = stored.get(reference);
        if (id != null) {
            return Optional.of(id);
        }
        Optional<String> earlier = writer.byExternalId(externalIdOf.apply(reference)).map(Task::getId);
        if (earlier.isPresent() || !dryRun || !inThisImport.contains(reference)) {
            return earlier;
        }
        return Optional.of(WOULD_BE_CREATED + reference);
    }
}

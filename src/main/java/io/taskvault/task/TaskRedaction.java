package io.taskvault.task;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;

import io.taskvault.task.secrets.SecretRedactor;

/** Every free-text field of a task, its lists and its maps (keys too), redacted in place before it is stored. */
final class TaskRedaction {

    private static final List<Field<String>> TEXT = List.of(
            text(Task::getTitle, Task::setTitle), text(Task::getDescription, Task::setDescription),
            text(Task::getRole, Task::setRole), text(Task::getAssignee, Task::setAssignee),
            text(Task::getCreatedBy, Task::setCreatedBy), text(Task::getProvider, Task::setProvider),
            text(Task::getModel, Task::setModel), text(Task::getRepositoryUrl, Task::setRepositoryUrl),
            text(Task::getBranch, Task::setBranch), text(Task::getBaseBranch, Task::setBaseBranch),
            text(Task::getWorktreePath, Task::setWorktreePath), text(Task::getCommitHash, Task::setCommitHash),
            text(Task::getTargetDir, Task::setTargetDir), text(Task::getProviderOverride, Task::setProviderOverride),
            text(Task::getStoryId, Task::setStoryId), text(Task::getEpicId, Task::setEpicId),
            text(Task::getPersona, Task::setPersona), text(Task::getLastError, Task::setLastError));
    private static final List<Field<List<String>>> LISTS = List.of(
            list(Task::getTags, Task::setTags), list(Task::getAffectedFiles, Task::setAffectedFiles),
            list(Task::getDependsOn, Task::setDependsOn), list(Task::getRelatedTo, Task::setRelatedTo));
    private static final List<Field<Map<String, Object>>> MAPS = List.of(
            map(Task::getRequirements, Task::setRequirements),
            map(Task::getAcceptanceCriteria, Task::setAcceptanceCriteria), map(Task::getMetadata, Task::setMetadata));

    private TaskRedaction() {
    }

    /** Redacts the task in place; returns how many secrets were replaced. */
    static int redact(Task task) {
        int[] count = {0};
        TEXT.forEach(field -> field.apply(task, value -> {
            SecretRedactor.Redacted redacted = SecretRedactor.redact(value);
            count[0] += redacted.count();
            return redacted.text();
        }));
        LISTS.forEach(field -> field.apply(task, values -> {
            List<String> copy = new ArrayList<>(values.size());
            for (String value : values) {
                SecretRedactor.Redacted redacted = SecretRedactor.redact(value);
                count[0] += redacted.count();
                copy.add(redacted.text());
            }
            return copy;
        }));
        MAPS.forEach(field -> field.apply(task, values -> {
            SecretRedactor.Redacted.InMap redacted = SecretRedactor.redact(values);
            count[0] += redacted.count();
            return redacted.map();
        }));
        return count[0];
    }

    private static Field<String> text(Function<Task, String> getter, BiConsumer<Task, String> setter) {
        return new Field<>(getter, setter);
    }

    private static Field<List<String>> list(Function<Task, List<String>> getter, BiConsumer<Task, List<String>> setter) {
        return new Field<>(getter, setter);
    }

    private static Field<Map<String, Object>> map(Function<Task, Map<String, Object>> getter,
                                                  BiConsumer<Task, Map<String, Object>> setter) {
        return new Field<>(getter, setter);
    }

    private record Field<T>(Function<Task, T> getter, BiConsumer<Task, T> setter) {

        void apply(Task task, Function<T, T> change) {
            T value = getter.apply(task);
            if (value != null) {
                setter.accept(task, change.apply(value));
            }
        }
    }
}

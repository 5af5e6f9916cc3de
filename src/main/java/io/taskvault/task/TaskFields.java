package io.taskvault.task;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/** The table behind {@link Task#patch}: the fields a caller may edit after creation, each with how a loosely typed value is applied. */
final class TaskFields {

    private static final Map<String, BiConsumer<Task, Object>> EDITABLE = new TreeMap<>();

    static {
        text("title", Task::setTitle);
        text("description", Task::setDescription);
        text("role", Task::setRole);
        text("assignee", Task::setAssignee);
        text("provider", Task::setProvider);
        text("model", Task::setModel);
        text("repositoryUrl", Task::setRepositoryUrl);
        text("branch", Task::setBranch);
        text("baseBranch", Task::setBaseBranch);
        text("worktreePath", Task::setWorktreePath);
        text("commitHash", Task::setCommitHash);
        text("targetDir", Task::setTargetDir);
        text("providerOverride", Task::setProviderOverride);
        text("storyId", Task::setStoryId);
        text("epicId", Task::setEpicId);
        text("persona", Task::setPersona);
        EDITABLE.put("priority", (t, v) -> t.setPriority(v == null ? Priority.MEDIUM : enumValue(Priority.class, "priority", v)));
        EDITABLE.put("fullAccess", (t, v) -> t.setFullAccess(bool("fullAccess", v)));
        EDITABLE.put("complexityScore", (t, v) -> t.setComplexityScore(v == null ? null : integer("complexityScore", v)));
        EDITABLE.put("tags", (t, v) -> t.setTags(list("tags", v)));
        EDITABLE.put("affectedFiles", (t, v) -> t.setAffectedFiles(list("affectedFiles", v)));
        EDITABLE.put("dependsOn", (t, v) -> t.setDependsOn(list("dependsOn", v)));
        EDITABLE.put("relatedTo", (t, v) -> t.setRelatedTo(list("relatedTo", v)));
        EDITABLE.put("requirements", (t, v) -> t.setRequirements(map("requirements", v)));
        EDITABLE.put("acceptanceCriteria", (t, v) -> t.setAcceptanceCriteria(map("acceptanceCriteria", v)));
        EDITABLE.put("metadata", (t, v) -> t.setMetadata(map("metadata", v)));
    }

    private TaskFields() {
    }

    static Collection<String> names() {
        return EDITABLE.keySet();
    }

    /** Applies a patch to the task; unknown fields and ill-typed values are named in one exception. */
    static void apply(Task task, Map<String, ?> patch) {
        //why: every value is tried on a blank task first, so a refused patch leaves the task as it was
        Task next = new Task();
        Map<String, String> errors = new LinkedHashMap<>();
        patch.forEach((field, value) -> {
            BiConsumer<Task, Object> setter = EDITABLE.get(field);
            if (setter == null) {
                errors.put(field, "is not an editable field (editable: " + String.join(", ", EDITABLE.keySet()) + ")");
                return;
            }
            try {
                setter.accept(next, value);
            } catch (InvalidTaskException e) {
                errors.putAll(e.errors());
            }
        });
        if (!errors.isEmpty()) {
            throw new InvalidTaskException(errors);
        }
        patch.forEach((field, value) -> EDITABLE.get(field).accept(task, value));
    }

    private static void text(String name, BiConsumer<Task, String> setter) {
        EDITABLE.put(name, (t, v) -> {
            if (v != null && !(v instanceof String) && !(v instanceof Number) && !(v instanceof Boolean)
                    || v instanceof Double d && !Double.isFinite(d) || v instanceof Float f && !Float.isFinite(f)) {
                throw new InvalidTaskException(name, "must be text");
            }
            setter.accept(t, v == null || v.toString().isBlank() ? null : v.toString());
        });
    }

    static <E extends Enum<E>> E enumValue(Class<E> type, String field, Object value) {
        E word = Vocabulary.word(type, field, value.toString());
        if (word == null) {
            throw new InvalidTaskException(field, Vocabulary.problem(type, value.toString()));
        }
        return word;
    }

    private static boolean bool(String field, Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        if (value != null && (value.toString().equalsIgnoreCase("true") || value.toString().equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(value.toString());
        }
        throw new InvalidTaskException(field, "must be true or false");
    }

    private static int integer(String field, Object value) {
        if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            return n.intValue();
        }
        try {
            return Integer.parseInt(value.toString().trim());
        } catch (NumberFormatException e) {
            throw new InvalidTaskException(field, "must be a whole number, not '" + value + "'");
        }
    }

    private static List<String> list(String field, Object value) {
        if (value == null) {
            return new ArrayList<>();
        }
        if (value instanceof Collection<?> items) {
            return items.stream().map(i -> i == null ? "" : i.toString().trim()).toList();
        }
        if (value instanceof String text) {
            return text.isBlank() ? List.of() : List.of(text.split("\\s*,\\s*"));
        }
        throw new InvalidTaskException(field, "must be a list of text values");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(String field, Object value) {
        if (value == null) {
            return new LinkedHashMap<>();
        }
        if (value instanceof Map<?, ?> m) {
            return new LinkedHashMap<>((Map<String, Object>) m);
        }
        throw new InvalidTaskException(field, "must be an object of named values");
    }
}

package io.taskvault.task;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The rules behind {@link Task#validate}: what a task must meet before it is stored, whichever door it came through. */
final class TaskValidator {

    static final int MAX_TITLE = 300;
    static final int MAX_TEXT = 2_000;
    static final int MAX_DESCRIPTION = 100_000;
    static final int MAX_TAGS = 50;
    static final int MAX_LIST = 1_000;
    static final int MAX_MAP_DEPTH = 8;
    static final int MAX_MAP_ENTRIES = 500;
    private static final Pattern TAG = Pattern.compile("[\\p{L}\\p{N}_.:/#+-]{1,64}");

    private TaskValidator() {
    }

    static void validate(Task task) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (task.getTitle() == null || task.getTitle().isBlank()) {
            errors.put("title", "is required");
        } else if (task.getTitle().length() > MAX_TITLE) {
            errors.put("title", "is longer than " + MAX_TITLE + " characters");
        }
        if (task.getDescription() != null && task.getDescription().length() > MAX_DESCRIPTION) {
            errors.put("description", "is longer than " + MAX_DESCRIPTION + " characters");
        }
        text(errors, "role", task.getRole());
        text(errors, "assignee", task.getAssignee());
        text(errors, "createdBy", task.getCreatedBy());
        text(errors, "provider", task.getProvider());
        text(errors, "model", task.getModel());
        text(errors, "repositoryUrl", task.getRepositoryUrl());
        text(errors, "branch", task.getBranch());
        text(errors, "baseBranch", task.getBaseBranch());
        text(errors, "worktreePath", task.getWorktreePath());
        text(errors, "commitHash", task.getCommitHash());
        text(errors, "targetDir", task.getTargetDir());
        text(errors, "providerOverride", task.getProviderOverride());
        text(errors, "storyId", task.getStoryId());
        text(errors, "epicId", task.getEpicId());
        text(errors, "persona", task.getPersona());
        if (task.getComplexityScore() != null && (task.getComplexityScore() < 1 || task.getComplexityScore() > 10)) {
            errors.put("complexityScore", "must be between 1 and 10, not " + task.getComplexityScore());
        }
        if (task.getTags().size() > MAX_TAGS) {
            errors.put("tags", "has " + task.getTags().size() + " tags; at most " + MAX_TAGS + " are allowed");
        }
        for (String tag : task.getTags()) {
            if (tag == null || !TAG.matcher(tag).matches()) {
                errors.put("tags", "'" + tag + "' is not a tag: use 1-64 letters, digits or _ . : / # + -");
                break;
            }
        }
        list(errors, "affectedFiles", task.getAffectedFiles());
        list(errors, "dependsOn", task.getDependsOn());
        list(errors, "relatedTo", task.getRelatedTo());
        map(errors, "requirements", task.getRequirements(), 1);
        map(errors, "acceptanceCriteria", task.getAcceptanceCriteria(), 1);
        map(errors, "metadata", task.getMetadata(), 1);
        if (!errors.isEmpty()) {
            throw new InvalidTaskException(errors);
        }
    }

    private static void text(Map<String, String> errors, String field, String value) {
        if (value != null && value.length() > MAX_TEXT) {
            errors.put(field, "is longer than " + MAX_TEXT + " characters");
        }
    }

    private static void list(Map<String, String> errors, String field, List<String> values) {
        if (values.size() > MAX_LIST) {
            errors.put(field, "has more than " + MAX_LIST + " entries");
        } else if (values.stream().anyMatch(v -> v == null || v.isBlank() || v.length() > MAX_TEXT)) {
            errors.put(field, "holds an empty or over-long entry");
        }
    }

    /**
     * Free maps may not smuggle MongoDB operators or paths (no key starting with '$' or holding '.'), nor nest deeper
     * than {@link #MAX_MAP_DEPTH} levels, a list counting as a level as an object does.
     */
    static void map(Map<String, String> errors, String field, Object value, int depth) {
        if ((value instanceof Map<?, ?> || value instanceof Collection<?>) && depth > MAX_MAP_DEPTH) {
            errors.put(field, "is nested deeper than " + MAX_MAP_DEPTH + " levels (objects and lists alike)");
            return;
        }
        if (value instanceof Map<?, ?> map) {
            if (map.size() > MAX_MAP_ENTRIES) {
                errors.put(field, "has more than " + MAX_MAP_ENTRIES + " entries");
                return;
            }
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                String key = String.valueOf(entry.getKey());
                if (key.isEmpty() || key.startsWith("$") || key.contains(".") || key.indexOf('\0') >= 0) {
                    errors.put(field, "key '" + key + "' is not allowed: keys may not be empty, start with '$' or contain '.'");
                    return;
                }
                map(errors, field + "." + key, entry.getValue(), depth + 1);
            }
        } else if (value instanceof Collection<?> items) {
            if (items.size() > MAX_LIST) {
                errors.put(field, "has more than " + MAX_LIST + " entries");
                return;
            }
            for (Object item : items) {
                map(errors, field, item, depth + 1);
                if (errors.containsKey(field)) {
                    return;
                }
            }
        } else if (value instanceof String text && text.length() > MAX_DESCRIPTION) {
            errors.put(field, "holds a value longer than " + MAX_DESCRIPTION + " characters");
        }
    }
}

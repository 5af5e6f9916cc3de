package io.taskvault.task.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

import io.taskvault.task.InvalidTaskException;
import io.taskvault.task.Task;

/** The fields the detail page lets people edit, as form text, and the patch a submitted form amounts to. */
final class TaskForm {

    /** Prefix of the hidden fields that carry the values the form was shown with. */
    static final String ORIGINAL = "was.";

    /** Field name to label, in form order. */
    static final Map<String, String> FIELDS = fields();

    private TaskForm() {
    }

    private static Map<String, String> fields() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("title", "Title");
        f.put("description", "Description");
        f.put("role", "Role");
        f.put("priority", "Priority");
        f.put("assignee", "Assignee");
        f.put("provider", "Provider");
        f.put("model", "Model");
        f.put("branch", "Branch");
        f.put("tags", "Tags (comma-separated)");
        f.put("dependsOn", "Depends on (task keys, comma-separated)");
        f.put("relatedTo", "Related to (task keys, comma-separated)");
        f.put("complexityScore", "Complexity score");
        return java.util.Collections.unmodifiableMap(f);
    }

    /** The task's current values as the form shows them; {@code keys} turns the stored ids of linked tasks into keys. */
    static Map<String, String> valuesOf(Task task, UnaryOperator<List<String>> keys) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("title", task.getTitle());
        v.put("description", task.getDescription());
        v.put("role", task.getRole());
        v.put("priority", task.getPriority() == null ? null : task.getPriority().name());
        v.put("assignee", task.getAssignee());
        v.put("provider", task.getProvider());
        v.put("model", task.getModel());
        v.put("branch", task.getBranch());
        v.put("tags", joined(task.getTags()));
        v.put("dependsOn", joined(keys.apply(task.getDependsOn())));
        v.put("relatedTo", joined(keys.apply(task.getRelatedTo())));
        v.put("complexityScore", task.getComplexityScore() == null ? null : task.getComplexityScore().toString());
        v.replaceAll((k, value) -> value == null ? "" : value);
        return v;
    }

    /**
     * The fields the person changed, compared with what the form showed them ({@code was.<field>}); blank means
     * "clear it". A field someone else changed meanwhile is a conflict named next to that field, while changes to
     * other fields (a state move, another field's edit) do not get in the way.
     */
    static Map<String, Object> patch(Map<String, String> current, Map<String, String> submitted) {
        Map<String, Object> patch = new LinkedHashMap<>();
        Map<String, String> conflicts = new LinkedHashMap<>();
        FIELDS.keySet().forEach(field -> {
            String value = submitted.get(field);
            String shown = submitted.getOrDefault(ORIGINAL + field, current.get(field));
            if (value == null || Objects.equals(value.trim(), shown.trim())) {
                return;
            }
            if (!Objects.equals(shown.trim(), current.get(field).trim())) {
                conflicts.put(field, "was changed meanwhile to '" + current.get(field) + "'; check it and save again");
            } else {
                patch.put(field, value.isBlank() ? null : value.trim());
            }
        });
        if (!conflicts.isEmpty()) {
            throw new InvalidTaskException(conflicts);
        }
        return patch;
    }

    private static String joined(List<String> values) {
        return values == null ? "" : String.join(", ", values);
    }
}

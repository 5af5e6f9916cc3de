package io.taskvault.task;

import java.util.Map;

import io.taskvault.system.TaskvaultException;

/** Input that cannot become (part of) a task; names each bad field and what was wrong with it. */
public class InvalidTaskException extends TaskvaultException {

    private final Map<String, String> errors;

    public InvalidTaskException(Map<String, String> errors) {
        super(Kind.INVALID, "Invalid input", errors.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
                .reduce((a, b) -> a + "; " + b).orElse("invalid input"));
        this.errors = Map.copyOf(errors);
    }

    public InvalidTaskException(String field, String problem) {
        this(Map.of(field, problem));
    }

    public Map<String, String> errors() {
        return errors;
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("errors", errors);
    }
}

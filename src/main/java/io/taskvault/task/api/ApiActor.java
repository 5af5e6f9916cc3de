package io.taskvault.task.api;

import io.taskvault.security.Actors;
import io.taskvault.task.TaskDraft;

/**
 * Who a REST request acts as. A bearer token or a signed-in person always acts under their own name, whatever the
 * request claims; a login-free local program may name itself in the {@code X-Actor} header or the body's
 * {@code actor}; failing both, "api".
 */
final class ApiActor {

    static final String HEADER = "X-Actor";
    static final String DEFAULT = "api";

    private ApiActor() {
    }

    static String of(String header, String body) {
        return Actors.authenticated().orElseGet(() -> {
            if (header != null && !header.isBlank()) {
                return header;
            }
            return body == null || body.isBlank() ? DEFAULT : body;
        });
    }

    /** The draft as the caller may create it: a token or a signed-in person is its creator, whatever it says. */
    static TaskDraft created(TaskDraft draft) {
        return draft == null ? null : Actors.authenticated().map(draft::withCreator).orElse(draft);
    }
}

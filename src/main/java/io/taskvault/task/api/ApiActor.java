package io.taskvault.task.api;

/**
 * Who a REST request acts as. The {@code X-Actor} header wins: for a bearer token or a signed-in person the
 * security filters set it to their name, so they cannot act under another; a login-free local program may name
 * itself there or in the body's {@code actor}; failing both, "api".
 */
final class ApiActor {

    static final String HEADER = "X-Actor";
    static final String DEFAULT = "api";

    private ApiActor() {
    }

    static String of(String header, String body) {
        if (header != null && !header.isBlank()) {
            return header;
        }
        return body == null || body.isBlank() ? DEFAULT : body;
    }
}

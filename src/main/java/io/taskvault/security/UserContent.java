package io.taskvault.security;

import java.util.List;

import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The answers that carry what people and programs stored (outputs, context records and bodies, prompt contexts,
 * exports). They are served with {@value #CSP} instead of the pages' policy: even a browser that rendered one as a
 * page would run no script in it and give it no access to the app's origin.
 */
final class UserContent {

    static final String CSP = "sandbox; default-src 'none'; frame-ancestors 'none'";

    static final RequestMatcher ROUTES = new OrRequestMatcher(List.of(
            "/api/tasks/*/outputs/*", "/api/tasks/outputs/*/*", "/tasks/*/outputs/*/download",
            "/api/tasks/*/context/**", "/api/tasks/*/prompt-context", "/tasks/*/context/prompt", "/api/export")
            .stream().<RequestMatcher>map(PathPatternRequestMatcher.withDefaults()::matcher).toList());

    private UserContent() {
    }
}

package io.taskvault.security;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Makes the authenticated principal the actor: every REST door reads the {@value #ACTOR} header, so for a token or
 * a logged-in person that header is replaced by their name (a caller cannot record changes under another name).
 * The login-free local user keeps whatever actor its program sends.
 */
class ActorHeaderFilter extends OncePerRequestFilter {

    static final String ACTOR = "X-Actor";

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> authenticated = Actors.authenticated();
        if (authenticated.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        chain.doFilter(new ActorRequest(request, authenticated.get()), response);
    }

    private static final class ActorRequest extends HttpServletRequestWrapper {
        private final String actor;

        ActorRequest(HttpServletRequest request, String actor) {
            super(request);
            this.actor = actor;
        }

        @Override
        public String getHeader(String name) {
            return ACTOR.equalsIgnoreCase(name) ? actor : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return ACTOR.equalsIgnoreCase(name) ? Collections.enumeration(Set.of(actor)) : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            Set<String> names = new LinkedHashSet<>(Collections.list(super.getHeaderNames()));
            names.add(ACTOR);
            return Collections.enumeration(names);
        }
    }
}

package io.taskvault.security;

import java.util.Optional;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who the current request proved to be, for the doors that record an actor or a creator. */
public final class Actors {

    private Actors() {
    }

    /**
     * The name of the token or signed-in person behind the current request; empty for the login-free local user
     * (who may name an actor, see docs/api.md), for anonymous requests and outside a request.
     */
    public static Optional<String> authenticated() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken
                || auth instanceof LocalAccessFilter.LocalAuthentication || auth.getName() == null) {
            return Optional.empty();
        }
        return Optional.of(auth.getName());
    }
}

package io.taskvault.task.web;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who acts from the dashboard: the signed-in person's name in history, or "dashboard" for the login-free local user. */
final class DashboardActor {

    static final String LOCAL = "dashboard";
    private static final String LOCAL_PRINCIPAL = "local";

    private DashboardActor() {
    }

    static String current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || auth instanceof AnonymousAuthenticationToken || auth.getName() == null
                || LOCAL_PRINCIPAL.equals(auth.getName())) {
            return LOCAL;
        }
        return auth.getName();
    }
}

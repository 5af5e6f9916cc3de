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

    /** Restoring an archived task is an ADMIN action; no URL rule can tell a restore from another transition. */
    static void requireAdminToRestore(String key) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        boolean admin = auth == null || auth.getAuthorities().stream().anyMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()));
        if (!admin) {
            throw new RestoreNotAllowedException("Restoring " + key + " from the archive needs the ADMIN role; "
                    + "ask an administrator.");
        }
    }

    /** Refused because the signed-in person lacks the ADMIN role. */
    static final class RestoreNotAllowedException extends org.springframework.security.access.AccessDeniedException {
        RestoreNotAllowedException(String message) {
            super(message);
        }
    }
}

package io.taskvault.task;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The one place that decides who may move a task into or out of the archive: an ADMIN. Checked by
 * {@link TaskService} on the parsed target state, so the dashboard, the REST API and the shell get the same answer
 * whatever spelling the request used.
 */
final class ArchiveRights {

    private static final String ADMIN = "ROLE_ADMIN";

    private ArchiveRights() {
    }

    /** Before anything is read: archiving needs the ADMIN role. */
    static void checkTarget(TaskState to) {
        if (to == TaskState.ARCHIVED && !callerIsAdmin()) {
            throw new ArchiveNotAllowedException("Archiving a task needs the ADMIN role");
        }
    }

    /** On the fresh state: taking a task out of the archive (a restore) needs the ADMIN role. */
    static void checkLeaving(Task current) {
        if (current.getState() == TaskState.ARCHIVED && !callerIsAdmin()) {
            throw new ArchiveNotAllowedException("Restoring " + current.getKey()
                    + " from the archive needs the ADMIN role; ask an administrator.");
        }
    }

    //why: no authentication at all is an in-process caller (the shell run by this machine's user, a scheduled job);
    //    every web request carries one, anonymous at least
    static boolean callerIsAdmin() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null || auth.getAuthorities().stream().anyMatch(a -> ADMIN.equals(a.getAuthority()));
    }

    /** Refused: the caller's role is too small to archive or restore. */
    public static final class ArchiveNotAllowedException extends AccessDeniedException {
        ArchiveNotAllowedException(String message) {
            super(message);
        }
    }
}

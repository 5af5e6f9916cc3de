package io.taskvault.task;

import org.springframework.security.access.AccessDeniedException;

/** Who may delete a task: an ADMIN, as for archiving (the same caller rules, see {@link ArchiveRights}). */
final class DeletionRights {

    private DeletionRights() {
    }

    static boolean callerMayDelete() {
        return ArchiveRights.callerIsAdmin();
    }

    /** Before anything is read or written. */
    static void check(String reference) {
        if (!callerMayDelete()) {
            throw new DeleteNotAllowedException("Deleting " + (reference == null ? "a task" : reference.trim())
                    + " needs the ADMIN role; ask an administrator.");
        }
    }

    /** Refused: the caller's role is too small to delete a task. */
    public static final class DeleteNotAllowedException extends AccessDeniedException {
        DeleteNotAllowedException(String message) {
            super(message);
        }
    }
}

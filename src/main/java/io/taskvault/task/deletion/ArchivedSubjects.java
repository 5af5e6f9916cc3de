package io.taskvault.task.deletion;

import java.util.Optional;

/** The archive as a delete sees it: a task no longer in the hot collections may be found here by id or key. */
public interface ArchivedSubjects {

    Optional<DeletionSubject> find(String reference);
}

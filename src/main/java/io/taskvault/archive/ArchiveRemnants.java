package io.taskvault.archive;

import java.util.Optional;

import org.springframework.stereotype.Component;

import io.taskvault.task.deletion.ArchivedSubjects;
import io.taskvault.task.deletion.DeletionSubject;
import io.taskvault.task.deletion.TaskRemnants;
import io.taskvault.task.deletion.Tombstone;

/** Deleting an archived task: it is found here by id or key, and its bundle goes with the archive's count of it. */
@Component
class ArchiveRemnants implements TaskRemnants, ArchivedSubjects {

    private final ArchiveStore store;

    ArchiveRemnants(ArchiveStore store) {
        this.store = store;
    }

    @Override
    public Optional<DeletionSubject> find(String reference) {
        if (reference == null || reference.isBlank()) {
            return Optional.empty();
        }
        String ref = reference.trim();
        return store.find(ref).or(() -> store.find(ref.toUpperCase(java.util.Locale.ROOT)))
                .map(e -> new DeletionSubject(e.id(), e.key(), e.title(), e.headHash(), e.events(), true));
    }

    @Override
    public void remove(Tombstone deleted) {
        //why: the counters move only when this call took the bundle away, so a repeated call counts nothing twice
        store.remove(deleted.id()).ifPresent(entry -> store.count(entry.stateBefore(), entry.role(), -1));
    }
}

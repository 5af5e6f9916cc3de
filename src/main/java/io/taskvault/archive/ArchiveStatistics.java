package io.taskvault.archive;

import org.springframework.stereotype.Component;

import io.taskvault.task.ArchivedTaskCounts;

/** Hands the archive's counters to the task statistics, so counts stay right after tasks leave the hot collection. */
@Component
class ArchiveStatistics implements ArchivedTaskCounts {

    private final ArchiveStore store;

    ArchiveStatistics(ArchiveStore store) {
        this.store = store;
    }

    @Override
    public Counts current() {
        ArchiveCounters counters = store.counters();
        return new Counts(counters.total(), counters.byState(), counters.byRole());
    }
}

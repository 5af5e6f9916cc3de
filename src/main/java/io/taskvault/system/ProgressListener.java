package io.taskvault.system;

/** Told how far a long operation (import, export, archival, upgrade, verify, backup) has come. */
@FunctionalInterface
public interface ProgressListener {

    ProgressListener NONE = (done, total) -> { };

    /** {@code done} of {@code total} units finished; {@code total} may grow while counting. */
    void progress(long done, long total);
}

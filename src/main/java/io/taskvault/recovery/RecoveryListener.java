package io.taskvault.recovery;

/** Told about every recovery pass (metrics, health). */
public interface RecoveryListener {

    void recovered(RecoveryReport report);
}

package io.taskvault.store;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a locked data file into a two-line explanation instead of a stack trace. */
class StoreLockedFailureAnalyzer extends AbstractFailureAnalyzer<StoreLockedException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, StoreLockedException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Stop the other taskvault, or give this one its own data file with --taskvault.store.path=...", null);
    }
}

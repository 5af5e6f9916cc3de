package io.taskvault.security;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Says which variable to set or fix when the first admin is given only in part, instead of a stack trace. */
class FirstAdminFailureAnalyzer extends AbstractFailureAnalyzer<FirstAdminException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, FirstAdminException cause) {
        return new FailureAnalysis(cause.getMessage() + ".",
                "Set both " + FirstAdminProperties.NAME_VARIABLE + " and " + FirstAdminProperties.PASSWORD_VARIABLE
                        + " (with docker compose: in the .env file, see .env.example), or neither.", cause);
    }
}

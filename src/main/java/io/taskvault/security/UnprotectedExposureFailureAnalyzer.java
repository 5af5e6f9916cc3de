package io.taskvault.security;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Explains how to make an exposed taskvault safe to start, instead of printing a stack trace. */
class UnprotectedExposureFailureAnalyzer extends AbstractFailureAnalyzer<UnprotectedExposureException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, UnprotectedExposureException cause) {
        return new FailureAnalysis(cause.getMessage() + ".",
                "Either listen on this machine only (--server.address=127.0.0.1, the default), or configure who may log in:"
                        + " a first ADMIN with the variables " + FirstAdminProperties.NAME_VARIABLE + " and "
                        + FirstAdminProperties.PASSWORD_VARIABLE + " (taskvault.security.admin.name/password; with docker"
                        + " compose: in the .env file, see .env.example), more people with"
                        + " taskvault.security.users[0].name/password({bcrypt}...)/role, or programs with an API"
                        + " token ('./taskvault token create --name ci --role OPERATOR').", cause);
    }
}

package io.taskvault.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

import io.taskvault.system.MadeAtStart;

/**
 * Refuses to start a server that anyone could use without a login: listening beyond loopback (or with
 * {@code require-login}) needs at least one configured user (the first admin counts) or active API token.
 */
@Component
@MadeAtStart
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ExposureGuard {

    ExposureGuard(AccessProperties access, FirstAdminProperties admin, ApiTokens tokens,
                  @Value("${server.address:}") String serverAddress) {
        check(access, admin, serverAddress, tokens.activeCount());
    }

    static void check(AccessProperties access, FirstAdminProperties admin, String serverAddress, long activeTokens) {
        if (SecurityConfiguration.loginFree(access, serverAddress) || !access.users().isEmpty() || admin.configured()
                || activeTokens > 0) {
            return;
        }
        String where = serverAddress == null || serverAddress.isBlank() ? "every network interface" : serverAddress;
        throw new UnprotectedExposureException(where, access.requireLogin()
                ? "taskvault.security.require-login is true but no user or API token is configured, so nobody could log in"
                : "taskvault would listen on " + where + " without any login: no user or API token is configured");
    }
}

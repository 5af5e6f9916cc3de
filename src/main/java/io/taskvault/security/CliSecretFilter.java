package io.taskvault.security;

import java.io.IOException;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Authenticates the local launcher by the {@link CliSecret} it read beside the data file: it acts with the ADMIN role,
 * as the person at the shell does. A wrong secret is refused at once with 401.
 */
class CliSecretFilter extends OncePerRequestFilter {

    private final Optional<CliSecret> secret;
    private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

    CliSecretFilter(Optional<CliSecret> secret) {
        this.secret = secret;
    }

    /** Who may run shell commands over HTTP: the launcher with the secret, or an ADMIN token; never a browser's session. */
    static AuthorizationManager<RequestAuthorizationContext> shellCommands() {
        return (authentication, context) -> {
            Authentication auth = authentication.get();
            boolean admin = auth != null && auth.getAuthorities().stream()
                    .anyMatch(a -> ("ROLE_" + Role.ADMIN.name()).equals(a.getAuthority()));
            return new AuthorizationDecision(auth instanceof CliAuthentication
                    || (auth instanceof BearerTokenFilter.TokenAuthentication && admin));
        };
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(CliSecret.HEADER);
        if (header == null || BearerTokenFilter.carriesBearer(request)) {
            chain.doFilter(request, response);
            return;
        }
        if (secret.isEmpty() || !secret.get().matches(header)) {
            ProblemResponses.write(response, HttpStatus.UNAUTHORIZED, "Invalid launcher secret",
                    "The " + CliSecret.HEADER + " header does not match this taskvault's secret (the .http file beside"
                            + " its data file)");
            return;
        }
        SecurityContext context = holder.createEmptyContext();
        context.setAuthentication(new CliAuthentication());
        holder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            holder.clearContext();
        }
    }

    /** The local launcher's authentication: the operating-system user this server runs as, with the ADMIN role. */
    static final class CliAuthentication extends UsernamePasswordAuthenticationToken {
        CliAuthentication() {
            super(System.getProperty("user.name", "shell"), null, Role.ADMIN.authorities());
        }
    }
}

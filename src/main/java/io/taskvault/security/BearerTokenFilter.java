package io.taskvault.security;

import java.io.IOException;
import java.util.Optional;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Authenticates {@code Authorization: Bearer tv_…}; an unknown or revoked token is refused at once with 401. */
class BearerTokenFilter extends OncePerRequestFilter {

    private final Optional<ApiTokens> tokens;
    private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

    BearerTokenFilter(Optional<ApiTokens> tokens) {
        this.tokens = tokens;
    }

    static boolean carriesBearer(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7);
    }

    //why: a streamed answer (an output's content) is finished in an async dispatch, which authorization checks again
    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!carriesBearer(request)) {
            chain.doFilter(request, response);
            return;
        }
        String secret = request.getHeader(HttpHeaders.AUTHORIZATION).substring(7).trim();
        Optional<ApiToken> token = tokens.flatMap(t -> t.authenticate(secret));
        if (token.isEmpty()) {
            //why: never fall through to the login-free local user: a revoked token must stay refused on loopback too
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
            ProblemResponses.write(response, HttpStatus.UNAUTHORIZED, "Invalid token",
                    "The bearer token is unknown or revoked");
            return;
        }
        SecurityContext context = holder.createEmptyContext();
        context.setAuthentication(new TokenAuthentication(token.get()));
        holder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            holder.clearContext();
        }
    }

    /** The authentication of a token's requests: its name is the principal, its role the authorities. */
    static final class TokenAuthentication extends UsernamePasswordAuthenticationToken {
        TokenAuthentication(ApiToken token) {
            super(token.name(), null, token.role().authorities());
        }
    }
}

package io.taskvault.security;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Login-free access for the single local user: when the server listens on loopback only (and login is not
 * required), a request from this machine with no other credentials acts as {@value #LOCAL_USER} with the ADMIN role.
 */
class LocalAccessFilter extends OncePerRequestFilter {

    static final String LOCAL_USER = "local";

    private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

    //why: a streamed answer (an output's content) is finished in an async dispatch, which authorization checks again
    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication current = holder.getContext().getAuthentication();
        if ((current == null || current instanceof AnonymousAuthenticationToken) && isLoopback(request.getRemoteAddr())) {
            SecurityContext context = holder.createEmptyContext();
            context.setAuthentication(new LocalAuthentication());
            holder.setContext(context);
        }
        chain.doFilter(request, response);
    }

    static boolean isLoopback(String address) {
        if (address == null || address.isBlank()) {
            return false;
        }
        try {
            return InetAddress.getByName(address.trim()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** The local user's authentication; never stored in a session. */
    static final class LocalAuthentication extends UsernamePasswordAuthenticationToken {
        LocalAuthentication() {
            super(LOCAL_USER, null, Role.ADMIN.authorities());
        }
    }
}

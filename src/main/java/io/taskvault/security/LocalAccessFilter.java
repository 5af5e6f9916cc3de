package io.taskvault.security;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 * required), a request with no other credentials acts as {@value #LOCAL_USER} with the ADMIN role if it comes from
 * this machine, is addressed to it by a local name ({@code Host}) and passed through no proxy. Anything else is
 * anonymous and must log in.
 */
class LocalAccessFilter extends OncePerRequestFilter {

    static final String LOCAL_USER = "local";
    private static final Set<String> LOCAL_NAMES = Set.of("localhost", "127.0.0.1", "[::1]", "::1");
    private static final List<String> PROXY_HEADERS = List.of("X-Forwarded-For", "Forwarded", "X-Forwarded-Host",
            "X-Real-IP");
    private static final Logger LOG = LoggerFactory.getLogger(LocalAccessFilter.class);

    private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();
    private final Set<String> localNames;

    LocalAccessFilter(List<String> configuredNames) {
        Set<String> names = new HashSet<>(LOCAL_NAMES);
        configuredNames.forEach(name -> names.add(name.trim().toLowerCase(Locale.ROOT)));
        this.localNames = Set.copyOf(names);
    }

    //why: a streamed answer (an output's content) is finished in an async dispatch, which authorization checks again
    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication current = holder.getContext().getAuthentication();
        if ((current == null || current instanceof AnonymousAuthenticationToken) && isLocal(request)) {
            SecurityContext context = holder.createEmptyContext();
            context.setAuthentication(new LocalAuthentication());
            holder.setContext(context);
        }
        chain.doFilter(request, response);
    }

    //why: the remote address alone is not enough: a page whose name was rebound to 127.0.0.1 sends its own name as
    //    Host, and a reverse proxy on this machine connects from loopback on behalf of anyone
    boolean isLocal(HttpServletRequest request) {
        if (!isLoopback(request.getRemoteAddr())) {
            return false;
        }
        String host = request.getServerName() == null ? "" : request.getServerName().toLowerCase(Locale.ROOT);
        if (!localNames.contains(host)) {
            LOG.debug("Not the local user: addressed to '{}', not a local name (taskvault.security.local-hosts)", host);
            return false;
        }
        for (String header : PROXY_HEADERS) {
            if (request.getHeader(header) != null) {
                LOG.debug("Not the local user: forwarded by a proxy ({})", header);
                return false;
            }
        }
        return true;
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

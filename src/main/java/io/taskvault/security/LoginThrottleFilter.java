package io.taskvault.security;

import java.io.IOException;

import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Turns a sign-in away before its password is checked while its name or address is throttled. */
class LoginThrottleFilter extends OncePerRequestFilter {

    static final String THROTTLED = LoginController.PATH + "?throttled";

    private final LoginThrottle throttle;

    LoginThrottleFilter(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod())
                || !LoginController.PATH.equals(request.getRequestURI().substring(request.getContextPath().length()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (throttle.refuses(request.getParameter("username"), request.getRemoteAddr())) {
            response.sendRedirect(request.getContextPath() + THROTTLED);
            return;
        }
        chain.doFilter(request, response);
    }
}

package io.taskvault.security;

import java.io.IOException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

import jakarta.servlet.http.HttpServletResponse;

/** RFC 9457 answers written by the security filters, before any controller (or its advice) is reached. */
final class ProblemResponses {

    private ProblemResponses() {
    }

    static void write(HttpServletResponse response, HttpStatus status, String title, String detail) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"type\":\"https://taskvault.io/problems/" + title.toLowerCase().replace(' ', '-')
                + "\",\"title\":\"" + json(title) + "\",\"status\":" + status.value() + ",\"detail\":\"" + json(detail) + "\"}");
    }

    /** 401 for the API: no (valid) credentials. */
    static AuthenticationEntryPoint unauthorized() {
        return (request, response, e) -> {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"taskvault\"");
            write(response, HttpStatus.UNAUTHORIZED, "Authentication required",
                    "Send 'Authorization: Bearer <token>' (create one with the shell command 'token create')");
        };
    }

    /** 403 for the API: a role too small for the action, or a missing CSRF token. */
    static AccessDeniedHandler forbidden() {
        return (request, response, e) -> write(response, HttpStatus.FORBIDDEN, "Forbidden",
                e instanceof org.springframework.security.web.csrf.CsrfException
                        ? "This request needs a CSRF token (header X-CSRF-TOKEN) or a bearer token"
                        : request.getRequestURI().startsWith(request.getContextPath() + "/api/shell/")
                        ? "Shell commands over HTTP need the launcher's secret (header " + CliSecret.HEADER
                                + ") or an ADMIN bearer token"
                        : "Your role may not " + request.getMethod() + " " + request.getRequestURI());
    }

    private static String json(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}

package io.taskvault.security;

import java.io.IOException;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.web.util.HtmlUtils;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * 403 on the dashboard: an htmx request gets a one-line message in the page's flash area (the page stays as it
 * was); a plain request gets the error page.
 */
class DashboardDenied implements AccessDeniedHandler {

    private final AccessDeniedHandler page = new AccessDeniedHandlerImpl();

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException, ServletException {
        if (!"true".equals(request.getHeader("HX-Request"))) {
            page.handle(request, response, denied);
            return;
        }
        String message = denied instanceof CsrfException
                ? "The page's security token is missing or stale: reload the page and try again."
                : "Your role may not do that.";
        response.setStatus(HttpStatus.FORBIDDEN.value());
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("HX-Retarget", "#flash");
        response.setHeader("HX-Reswap", "innerHTML");
        response.getWriter().write("<div class=\"flash flash-error\" role=\"alert\">" + HtmlUtils.htmlEscape(message)
                + "</div>");
    }
}
